// The guidance topics (issue 21, the plan's 商标品牌指导站) and their default texts, shown until staff save their own
// (db/queries/guidance.ts). Chinese first; English for visitors who read the English interface. Body format: plain
// paragraphs separated by a blank line, "- " bullet lines, and bare https:// URLs (app/guidance/body.ts) — never HTML.
// The first paragraph of each body is its summary beside the forms (GuidanceAside), so it must stand on its own.
// Facts and their sources: docs/decisions/031-guidance-texts.md. No local office address is given here: where to go in
// Haidong comes from the guidance station, whose contact staff keep in the settings.

export const GUIDANCE_TOPICS = ["trademark-registration", "nice-classes", "collective-certification", "renewal", "gi-special-mark", "regional-brand"] as const;
export type GuidanceTopic = (typeof GUIDANCE_TOPICS)[number];

export function isGuidanceTopic(value: unknown): value is GuidanceTopic {
  return typeof value === "string" && (GUIDANCE_TOPICS as readonly string[]).includes(value);
}

/** The topics beside each form (GuidanceAside), in the order shown. */
export const TRADEMARK_GUIDANCE: readonly GuidanceTopic[] = ["nice-classes", "trademark-registration", "renewal"];
export const DASHBOARD_GUIDANCE: readonly GuidanceTopic[] = ["renewal", "gi-special-mark", "regional-brand"];
export const CLAIM_GUIDANCE: readonly GuidanceTopic[] = ["gi-special-mark", "regional-brand"];

export interface GuidanceText {
  title_zh: string;
  body_zh: string;
  title_en: string;
  body_en: string;
}

export const DEFAULT_GUIDANCE: Record<GuidanceTopic, GuidanceText> = {
  "trademark-registration": {
    title_zh: "怎样注册商标",
    body_zh: `注册商标保护您在指定商品上使用的名称或图案:核准注册后,别人不能在相同或类似的商品上使用相同或近似的标志。商标要向国家知识产权局申请,核准注册后才受法律保护。

- 先定商标:文字、图形或两者组合都可以;县级以上行政区划的地名(如"海东")一般不能单独注册为商标。
- 再选类别:按《类似商品和服务区分表》找到商品所在的类别,一件申请可以填多个类别,按类别交费。见"尼斯分类怎么选"。
- 网上申请:在中国商标网进入"商标网上服务系统",提交申请并在线交费:https://sbj.cnipa.gov.cn
- 现场办理:也可以到国家知识产权局在各地设立的商标业务受理窗口办理。离您最近的窗口和办理时间,请先问商标品牌指导站。
- 也可以委托依法备案的商标代理机构办理。

注册前先在中国商标网查一查有没有相同或近似的商标,可以少走弯路。`,
    title_en: "How to register a trademark",
    body_en: `A registered trademark protects the name or logo you use on the goods it is registered for: once registered, no one else may use the same or a similar sign on the same or similar goods. You apply to the China National Intellectual Property Administration (CNIPA); the mark is protected once registered.

- Choose the mark: words, a logo or both. Names of places at county level or above (such as "Haidong") generally cannot be registered on their own.
- Choose the classes: find your goods in the Classification of Similar Goods and Services. One application can cover several classes; fees are per class. See "Choosing Nice classes".
- Online: file and pay through the Trademark Online Service System, reached from the China Trademark Office site: https://sbj.cnipa.gov.cn
- In person: CNIPA runs trademark acceptance windows in many places. Ask the guidance station which window is nearest and when it is open.
- You may also use a registered trademark agency.

Search the China Trademark Office site for the same or similar marks before you file.`,
  },
  "nice-classes": {
    title_zh: "尼斯分类怎么选",
    body_zh: `商标只在申请时选定的类别和商品上受保护,要按实际卖的商品选类别。例如:青稞酒在第33类;鲜果、活畜、未加工的青稞在第31类;牛羊肉、菜籽油、奶制品在第29类;青稞面、拉面、茶、蜂蜜、调味品在第30类。拿不准时以《类似商品和服务区分表》为准。

中国使用以尼斯分类为基础的《类似商品和服务区分表》,共45类。海东常见产品大致属于这些类别:
- 第33类 酒(啤酒除外):青稞酒。
- 第31类 未加工的农产品:鲜果、新鲜蔬菜、未加工的谷物(如青稞粒)、活畜(牛、羊)、种子、饲料。
- 第29类 肉、奶制品、干制或腌制的水果蔬菜、食用油:牦牛肉干、菜籽油、酸奶。
- 第30类 面粉和面食、茶、蜂蜜、调味品:青稞面、拉面、花椒粉、蜂蜜。
- 第32类 啤酒、不含酒精的饮料、果汁。
- 第5类 药品、中药材:作为药材出售的当地药材。
- 第35类 广告、销售服务;第43类 餐饮服务(如拉面馆)。

同一种东西加工程度不同,类别也可能不同(鲜果在第31类,果干在第29类)。拿不准时,以《类似商品和服务区分表》为准,或问商标品牌指导站。`,
    title_en: "Choosing Nice classes",
    body_en: `A trademark is protected only for the classes and goods named in the application, so choose classes for what you actually sell. For example: highland barley liquor is in Class 33; fresh fruit, live animals and unprocessed highland barley in Class 31; beef, mutton, rapeseed oil and dairy in Class 29; highland barley flour, noodles, tea, honey and seasonings in Class 30. When unsure, the Classification of Similar Goods and Services decides.

China uses the Classification of Similar Goods and Services, based on the Nice Classification, with 45 classes. Common Haidong products fall roughly into these classes:
- Class 33, alcoholic beverages except beer: highland barley liquor (青稞酒).
- Class 31, unprocessed farm products: fresh fruit, fresh vegetables, unprocessed grain (such as highland barley grain), live cattle and sheep, seeds, animal feed.
- Class 29, meat, dairy, dried or preserved fruit and vegetables, edible oils: dried yak meat, rapeseed oil, yoghurt.
- Class 30, flour and noodles, tea, honey, seasonings: highland barley flour, hand-pulled noodles, ground Sichuan pepper, honey.
- Class 32, beer, non-alcoholic drinks, fruit juices.
- Class 5, medicines and Chinese medicinal materials: local herbs sold as medicinal materials.
- Class 35, advertising and sales services; Class 43, food and drink services (such as a noodle restaurant).

The same thing can fall into a different class once processed (fresh fruit in Class 31, dried fruit in Class 29). When unsure, the Classification of Similar Goods and Services decides; or ask the guidance station.`,
  },
  "collective-certification": {
    title_zh: "集体商标和证明商标有什么不同",
    body_zh: `集体商标和证明商标都不是由一家企业自己用的商标,地理标志常以这两种形式注册(《商标法》第三条)。

- 集体商标:由协会、合作社等组织注册,供该组织的成员使用,表明"我是这个组织的成员"。想用,先加入这个组织。
- 证明商标:由有监督能力的组织注册和管理,给组织以外、符合条件的单位或个人使用,证明商品的产地、原料、制作方法或品质。想用,按使用管理规则向注册人申请许可。
- 普通商标:由企业或个人注册,自己使用,也可以许可别人使用。

在本目录填写商标时,"商标类型"按商标注册证上写的类型选择。`,
    title_en: "Collective marks and certification marks",
    body_en: `Collective and certification marks are not used by one business alone; geographical indications are often registered in one of these two forms (Trademark Law, Article 3).

- Collective mark: registered by an association, cooperative or similar body for use by its members; it shows membership. To use one, join the body.
- Certification mark: registered and controlled by a body able to supervise the goods, for use by others who meet its rules; it certifies origin, material, method of production or quality. To use one, apply to the owner for a licence under its usage rules.
- Ordinary mark: registered by a business or person for its own use; it may be licensed to others.

In this catalogue, choose the mark type shown on the registration certificate.`,
  },
  renewal: {
    title_zh: "商标续展:什么时候办",
    body_zh: `注册商标的有效期是10年,从核准注册之日起算。期满后还要用,应当在期满前12个月内办理续展;没来得及的,期满后还有6个月的宽展期(《商标法》第三十九条、第四十条)。

- 每次续展后有效期再延长10年。
- 宽展期也过了还没续展的,注册商标会被注销。
- 续展可以在"商标网上服务系统"办理,也可以到商标业务受理窗口办理:https://sbj.cnipa.gov.cn
- 本目录在您的主页提醒即将到期的商标;请以商标注册证和中国商标网上的日期为准。`,
    title_en: "Renewing a trademark: when",
    body_en: `A registered trademark is valid for 10 years from the date of registration. To keep using it, file for renewal within the 12 months before it expires; if you miss that, there is a 6-month grace period after expiry (Trademark Law, Articles 39 and 40).

- Each renewal adds another 10 years.
- A mark not renewed by the end of the grace period is cancelled.
- Renew through the Trademark Online Service System or at a trademark acceptance window: https://sbj.cnipa.gov.cn
- Your dashboard here reminds you of marks about to expire; the dates on your certificate and on the China Trademark Office site are what count.`,
  },
  "gi-special-mark": {
    title_zh: "怎样申请使用地理标志专用标志",
    body_zh: `地理标志专用标志是国家知识产权局发布的官方标志,只有合法使用人才能在地理标志产品上使用(《地理标志专用标志使用管理办法(试行)》,2020年)。

可以使用的有:
- 经公告核准使用的地理标志保护产品生产者;
- 已作为集体商标注册的地理标志的注册人的集体成员;
- 已作为证明商标注册的地理标志、经备案的被许可人;
- 经国家知识产权局登记备案的其他使用人。

怎么办:产品须在划定的产地范围内、按标准或使用管理规则生产。向所在地的知识产权管理部门(市场监督管理部门)提出申请,经审核后才能用标;证明商标的使用人还要先取得注册人的许可并备案。使用时在标志的指定位置标注统一社会信用代码,并定期报告使用情况。

具体到哪里交材料,请问商标品牌指导站。在本目录申报地理标志使用授权时,请填写核准公告或许可备案的编号。`,
    title_en: "Applying to use the GI special mark",
    body_en: `The GI special mark (地理标志专用标志) is an official mark issued by CNIPA; only lawful users may put it on GI products (Measures for the Use of the GI Special Mark, trial, 2020).

Lawful users are:
- producers of a protected GI product approved by public notice;
- members of the owner of a GI registered as a collective mark;
- recorded licensees of a GI registered as a certification mark;
- other users recorded with CNIPA.

How: the product must be made inside the defined area, to the standard or usage rules. Apply to your local intellectual property office (market regulation administration); you may use the mark once approved. Users of a certification mark first need the owner's licence, recorded. Print your unified social credit code in the mark's marked place and report your use regularly.

Ask the guidance station where to hand in the papers. When you claim a GI in this catalogue, give the number of the approval notice or licence record.`,
  },
  "regional-brand": {
    title_zh: "怎样使用区域公用品牌",
    body_zh: `区域公用品牌(如海东的"黄河彩篮")由品牌的所有者(一般是政府部门或行业协会)管理,企业要按品牌的使用规则申请,得到授权后才能在包装和宣传上使用。

- 先了解品牌的使用规则:哪些产品、哪些地方、要达到什么标准。
- 向品牌所有者或管理单位提出申请,按要求提交材料。
- 得到授权后,按规定使用品牌标识,授权到期前记得续期。
- 在本目录申报区域公用品牌授权时,请填写授权书的编号和有效期,工作人员核实后会显示在您的产品上。

不清楚品牌由谁管理时,请问商标品牌指导站。`,
    title_en: "Using a regional public brand",
    body_en: `A regional public brand (such as Haidong's 黄河彩篮, "Yellow River Colour Basket") is managed by its owner, usually a government department or trade association. A business applies under the brand's usage rules and may use it on packaging and in promotion once authorised.

- Read the brand's usage rules first: which products, which places, which standards.
- Apply to the brand's owner or managing body with the papers it asks for.
- Once authorised, use the brand's logo as the rules say, and renew before the authorisation ends.
- When you claim a regional brand in this catalogue, give the authorisation's number and validity; staff check it before it shows on your products.

If you do not know who manages a brand, ask the guidance station.`,
  },
};

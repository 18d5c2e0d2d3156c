// Interface strings for one area, zh-CN first; en must have every key (the type checker enforces it).
// The GI page as a register entry (issue 21) and the block diagram of Haidong's districts and counties.
export const zh = {
  "gi.register": "登记情况",
  "gi.area": "保护范围",
  "gi.areaTownships": "所列乡镇",
  "gi.mapLabel": "海东市区县示意图,标出{area}所在的{county}",
  "gi.mapNoCounty": "海东市区县示意图(该产品的区县尚未登记)",
  "gi.mapCaption": "示意图:标深色的是保护范围所在区县。方块只表示大致方位,不按比例,不表示行政区域界线。",
  "gi.standard": "产品标准 / 技术规范",
  "gi.standardLookup": "在全国标准信息公共服务平台查询",
  "gi.authorisedUsers": "核准使用者",
  "gi.authorisedUsersNote": "只列出经工作人员核实、今天仍在有效期内的使用授权。",
  "gi.authorisedUsersNone": "目录中还没有经核实的使用者。",
  "gi.usedOn": "使用该标志的产品",
  "gi.sourcesNote": "以上是本目录引用的公开网页,仅供核对;权威信息以主管部门(国家知识产权局、农业农村部等)的公告为准。",
  "gi.categoryAndCounty": "类别与产地",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "gi.register": "Registration status",
  "gi.area": "Protected area",
  "gi.areaTownships": "Townships listed",
  "gi.mapLabel": "Diagram of Haidong's districts and counties, marking {county}, where the area of {area} lies",
  "gi.mapNoCounty": "Diagram of Haidong's districts and counties (this product's county is not recorded)",
  "gi.mapCaption": "Diagram: the dark block holds the protected area. Blocks show rough positions only; not to scale, and not administrative boundaries.",
  "gi.standard": "Product standard / specification",
  "gi.standardLookup": "Look it up on the national standards information platform",
  "gi.authorisedUsers": "Authorised users",
  "gi.authorisedUsersNote": "Only authorisations verified by staff and valid today are listed.",
  "gi.authorisedUsersNone": "No verified authorised user in the catalogue yet.",
  "gi.usedOn": "Products carrying it",
  "gi.sourcesNote": "The public pages this catalogue cites, for checking; the announcements of the authorities (CNIPA, MARA and others) are authoritative.",
  "gi.categoryAndCounty": "Category and origin",
};

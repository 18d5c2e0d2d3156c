// Interface strings for personal information (PIPL, 个人信息保护法): consent on forms, the privacy page, a person's
// own data (download, delete), and the retention setting staff keep.
export const zh = {
  "consent.legend": "个人信息授权",
  "consent.account": "注册需要您的电子邮箱或手机号(用于登录和找回密码)以及您填写的姓名或单位名称。只有您本人和管理账号的工作人员能看到。",
  "consent.buyerProfile":
    "您的采购商资料(姓名或单位、所在地、采购品类、电话、邮箱、微信号)会随您的询价发给您选择的生产者,市场监管和会务工作人员处理对接时也能看到;不会公开,也不会提供给其他人。",
  "consent.inquiry":
    "您的姓名、单位和联系方式只发给您选中的生产者,用于回复这次询价或索样;市场监管和会务工作人员处理对接时也能看到。不会公开,也不会提供给其他人。",
  "consent.lead": "您的姓名、单位和联系方式只发给这个展位的参展单位,用于会后联系您;会务工作人员统计对接成效时也能看到。不会公开,也不会提供给其他人。",
  "consent.agree": "我已阅读上述说明和《个人信息保护说明》,同意按此处理我的个人信息",
  "consent.required": "请勾选同意后再提交:没有您的同意,我们不能处理您的个人信息",
  "consent.policyLink": "个人信息保护说明",
  "privacy.title": "个人信息保护说明",
  "privacy.intro":
    "本说明依据《中华人民共和国个人信息保护法》,说明海东品牌与地理标志目录收集哪些个人信息、用于什么、谁能看到、保存多久,以及您如何查看、下载和删除。",
  "privacy.what": "我们收集什么",
  "privacy.whatAccount": "账号:电子邮箱或手机号、姓名或单位名称、密码(只保存不可还原的摘要)、登录记录(时间和浏览器)。",
  "privacy.whatBuyer": "采购商资料:姓名或单位、所在省份和城市、采购品类、电话、电子邮箱、微信号(除名称外均可不填)。",
  "privacy.whatInquiry": "询价、索样和对接会展位留言:您的姓名、单位、电话、电子邮箱、微信号和留言内容。",
  "privacy.why": "用于什么",
  "privacy.whyText": "只用于登录、把您的询价或留言转给您选择的生产者并让其回复,以及统计对接成效(统计不含个人信息)。不做营销,不出售,不提供给其他人。",
  "privacy.who": "谁能看到",
  "privacy.whoText": "您本人;收到您询价或留言的生产者;处理对接、核实和投诉的市场监管与会务工作人员。工作人员导出含个人信息的数据时,都记入审计日志。",
  "privacy.howLong": "保存多久",
  "privacy.howLongAccount":
    "账号存续期间保存。您删除账号时,账号信息立即清除,您发出的询价中的姓名、联系方式和留言立即匿名化(生产者保留产品、报价和成交记录,但不再看到您是谁)。",
  "privacy.howLongAnonymous": "未登录发出的询价和展位留言,在发出 {months} 个月后自动匿名化。",
  "privacy.rights": "您的权利",
  "privacy.rightsSignedIn": "登录后可以:下载我的数据;在资料页更正信息;删除账号。",
  "privacy.rightsAnonymous": "未登录发出的询价:登录或注册后在私密链接页面点击“加入我的采购”,即可下载或随账号删除;也可以在私密链接页面告诉生产者。",
  "privacy.download": "下载我的数据",
  "privacy.delete": "删除我的账号",
  "privacy.consents": "每次同意都会记录时间和所同意说明的版本(当前版本 {version})。",
  "account.dataTitle": "我的数据",
  "account.deleteTitle": "删除账号",
  "account.deleteIntro":
    "删除后无法恢复:您将被退出登录,账号中的电子邮箱、手机号、姓名、采购商资料和对比清单被清除;您发出的询价中的姓名、联系方式和留言被匿名化。生产者保留产品、报价和成交记录。",
  "account.deleteStaff": "工作人员账号由管理员停用,不能自行删除。",
  "account.deletePassword": "请输入密码确认",
  "account.deleteConfirm": "永久删除我的账号",
  "account.deleteWrongPassword": "密码不正确,账号没有删除",
  "account.deleted": "您的账号已删除,个人信息已清除。",
  "staffPrivacy.title": "个人信息保存期限",
  "staffPrivacy.intro": "未登录的采购商发出的询价和展位留言,在保存期限到期后自动匿名化(每小时检查一次)。登录账号发出的询价随账号删除而匿名化。",
  "staffPrivacy.months": "保存期限(月,1–120)",
  "staffPrivacy.save": "保存",
  "staffPrivacy.saved": "保存期限已更新为 {months} 个月。",
  "staffPrivacy.monthsInvalid": "请输入 1 到 120 之间的整数",
  "footer.privacy": "个人信息保护说明",
  "action.export_personal_data": "导出个人信息",
  "action.retention_set": "修改个人信息保存期限",
  "action.account_deleted": "账号由本人删除",
  "entity.event": "对接会",
  "entity.privacy_settings": "个人信息设置",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "consent.legend": "Your personal information",
  "consent.account":
    "Signing up needs your email address or mobile number (to sign in and reset the password) and the name you give. Only you and the staff who manage accounts see them.",
  "consent.buyerProfile":
    "Your buyer profile (name or company, location, what you buy, phone, email, WeChat ID) goes with your inquiries to the producers you choose; market-regulation and fair staff handling matching see it too. It is never published or given to anyone else.",
  "consent.inquiry":
    "Your name, company and contact details go only to the producers you chose, to answer this inquiry or sample request; market-regulation and fair staff handling matching see them too. They are never published or given to anyone else.",
  "consent.lead":
    "Your name, company and contact details go only to this booth's exhibitor, to contact you after the fair; fair staff counting the fair's results see them too. They are never published or given to anyone else.",
  "consent.agree": "I have read the above and the privacy notice, and agree to my personal information being handled so",
  "consent.required": "Tick the box to agree before sending: without your consent we cannot handle your personal information",
  "consent.policyLink": "Privacy notice",
  "privacy.title": "Privacy notice",
  "privacy.intro":
    "Under China's Personal Information Protection Law (PIPL), this notice says what personal information the Haidong Brand & GI Catalogue collects, what for, who sees it, how long it is kept, and how you can see, download and delete it.",
  "privacy.what": "What we collect",
  "privacy.whatAccount": "Account: email address or mobile number, name or company name, password (only an irreversible hash), sign-ins (time and browser).",
  "privacy.whatBuyer": "Buyer profile: name or company, province and city, what you buy, phone, email, WeChat ID (all optional but the name).",
  "privacy.whatInquiry": "Inquiries, sample requests and contacts left at fair booths: your name, company, phone, email, WeChat ID and message.",
  "privacy.why": "What for",
  "privacy.whyText":
    "Only to sign you in, to pass your inquiry or contact to the producers you chose so they can answer, and to count the results of matching (counts hold no personal information). No marketing; never sold or given to anyone else.",
  "privacy.who": "Who sees it",
  "privacy.whoText":
    "You; the producers who receive your inquiry or contact; the market-regulation and fair staff who handle matching, verification and complaints. Every staff export containing personal information is written to the audit log.",
  "privacy.howLong": "How long it is kept",
  "privacy.howLongAccount":
    "As long as the account exists. When you delete it, the account's details are erased at once, and your name, contacts and messages in the inquiries you sent are anonymised (producers keep the products, quotes and deals, but no longer see who you are).",
  "privacy.howLongAnonymous":
    "Inquiries and booth contacts sent without an account are anonymised automatically {months, plural, one {# month} other {# months}} after they were sent.",
  "privacy.rights": "Your rights",
  "privacy.rightsSignedIn": "Signed in, you can download your data, correct it on your profile, and delete your account.",
  "privacy.rightsAnonymous":
    "For an inquiry sent without an account: sign in or sign up and press “Add to my purchasing” on its private link page, then download it or delete it with the account; or tell the producer on the private link page.",
  "privacy.download": "Download my data",
  "privacy.delete": "Delete my account",
  "privacy.consents": "Each consent is recorded with its time and the version of the notice agreed to (currently {version}).",
  "account.dataTitle": "My data",
  "account.deleteTitle": "Delete account",
  "account.deleteIntro":
    "This cannot be undone: you are signed out, and the account's email, phone, name, buyer profile and shortlist are erased; your name, contacts and messages in the inquiries you sent are anonymised. Producers keep the products, quotes and deals.",
  "account.deleteStaff": "Staff accounts are disabled by an administrator and cannot be deleted by their holders.",
  "account.deletePassword": "Enter your password to confirm",
  "account.deleteConfirm": "Delete my account for good",
  "account.deleteWrongPassword": "The password is wrong; the account was not deleted",
  "account.deleted": "Your account is deleted and its personal information erased.",
  "staffPrivacy.title": "How long personal information is kept",
  "staffPrivacy.intro":
    "Inquiries and booth contacts of buyers without an account are anonymised automatically once this period has passed (checked hourly). Inquiries sent from an account are anonymised when the account is deleted.",
  "staffPrivacy.months": "Period (months, 1–120)",
  "staffPrivacy.save": "Save",
  "staffPrivacy.saved": "The period is now {months, plural, one {# month} other {# months}}.",
  "staffPrivacy.monthsInvalid": "Enter a whole number from 1 to 120",
  "footer.privacy": "Privacy notice",
  "action.export_personal_data": "personal data exported",
  "action.retention_set": "retention period changed",
  "action.account_deleted": "account deleted by its holder",
  "entity.event": "Fair",
  "entity.privacy_settings": "Privacy settings",
};

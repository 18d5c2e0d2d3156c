// Answers the HTTP layer gives before (or instead of) a page: refused form data, unknown paths, malformed URLs.
export const zh = {
  "http.badRequest.title": "请求无法处理",
  "http.notFound.title": "页面不存在",
  "http.error.title": "出错了",
  "http.badRequest": "请求的地址或数据格式不正确。",
  "http.notFound": "找不到这个地址。",
  "http.error": "服务器暂时无法处理请求,请稍后再试。",
  "http.unsupportedType": "不支持这种提交格式({type}),请使用网页上的表单提交。",
  "http.unreadableForm": "提交的表单数据无法读取,请在网页上重新提交。",
  "http.bodyTooLarge": "提交的数据太大(最多 {max})。",
  "http.bodyTooSlow": "提交的数据在 {seconds} 秒内没有传完,请检查网络后重新提交。",
  "http.field.index": "字段“{field}”的序号太大(最大 {limit})。",
  "http.field.depth": "字段“{field}”的层级太深(最多 {limit} 层)。",
  "http.field.name": "字段名“{field}”不正确(最多 {limit} 个字符,只能是字母、数字和 . _ - [序号])。",
  "http.field.count": "提交的字段太多(最多 {limit} 个)。",
  "http.field.length": "字段“{field}”太长(最多 {limit} 个字符)。",
  "http.backHome": "返回首页",
} as const;

export const en: Record<keyof typeof zh, string> = {
  "http.badRequest.title": "The request could not be handled",
  "http.notFound.title": "Page not found",
  "http.error.title": "Something went wrong",
  "http.badRequest": "The address or the submitted data is malformed.",
  "http.notFound": "Nothing is found at this address.",
  "http.error": "The server cannot handle the request right now. Please try again later.",
  "http.unsupportedType": "This kind of submission ({type}) is not accepted. Please use the form on the page.",
  "http.unreadableForm": "The submitted form data could not be read. Please submit it again from the page.",
  "http.bodyTooLarge": "The submission is too large ({max} at most).",
  "http.bodyTooSlow":
    "The submission did not arrive within {seconds, plural, one {# second} other {# seconds}}. Please check the connection and submit it again.",
  "http.field.index": "The field “{field}” has too large an index ({limit} at most).",
  "http.field.depth": "The field “{field}” is nested too deeply ({limit} levels at most).",
  "http.field.name": "The field name “{field}” is not valid (at most {limit} characters: letters, digits, . _ - and [index]).",
  "http.field.count": "Too many fields were submitted ({limit} at most).",
  "http.field.length": "The field “{field}” is too long ({limit} characters at most).",
  "http.backHome": "Back to the home page",
} as const;

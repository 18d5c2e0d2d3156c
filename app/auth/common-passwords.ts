// A short list of the most used passwords (global leaks and common Chinese choices); anything here is refused.
export const COMMON_PASSWORDS = new Set<string>([
  "000000", "111111", "11111111", "112233", "123123", "123321", "12341234", "123456", "1234567", "12345678",
  "123456789", "1234567890", "123456a", "123456aa", "123456abc", "1234abcd", "123qwe", "12qwaszx", "1314520",
  "147258369", "159753", "1a2b3c4d", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx", "1qaz2wsx3edc",
  "1qazxsw2", "5201314", "5201314520", "654321", "666666", "741852963", "789456123", "888888", "88888888",
  "963852741", "a123456", "a1234567", "a12345678", "aa123456", "aaaaaaaa", "abc123", "abc123456", "abcd1234",
  "abcdefg", "abcdefgh", "abcdefghij", "admin", "admin123", "administrator", "asd123456", "asdf1234", "asdfghjkl",
  "ashley", "baseball", "batman", "changeme", "changeme123", "charlie", "china123", "computer", "default", "dragon",
  "football", "football1", "guest", "guest123", "haidong", "haidong123", "hello123",
  "hellohello", "iloveyou", "iloveyou1", "internet", "jessica", "letmein", "master", "michael", "monkey", "p@ssw0rd",
  "passw0rd", "password", "password1", "password123", "password1234", "princess", "q1w2e3r4", "q1w2e3r4t5",
  "qazwsxedc", "qinghai", "qinghai123", "qq123456", "qwe123456", "qweasd123", "qweasdzxc", "qwerty", "qwerty123",
  "qwerty1234", "qwertyuiop", "root", "secret", "secret123", "shadow", "starwars", "sunshine", "superman", "test123",
  "test1234", "testtest", "trustno1", "user1234", "wangyiming", "welcome", "welcome1", "woaini", "woaini1314",
  "xining123", "zaq12wsx", "zhongguo", "zxc123456", "zxcvbnm",
]);

// Unicode text as every stage needs it: UTF-8 validity, NFC, trimming, and the one folding of
// names for comparison (headers, unit ids, model codes, search words): diacritics off, đ→d, lower
// case.
#ifndef DVK_BASE_FOLD_H_
#define DVK_BASE_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace dvk {

bool IsValidUtf8(std::string_view s);
// The length of the well-formed UTF-8 character at s[i] (1 to 4); 0 when the bytes there are not
// one (a stray continuation byte, a cut or overlong sequence, a surrogate).
size_t Utf8Length(std::string_view s, size_t i);

// Unicode NFC of valid UTF-8.
std::string ToNfc(std::string_view utf8);
// Trims ASCII whitespace and the no-break spaces U+00A0, U+202F, U+2007, U+FEFF at both ends.
std::string Trim(std::string_view s);

// The comparison key of a name or header: no diacritics (đ→d), lower case, and every character that
// is not a letter or digit removed. "Tên mô hình", "TEN_MO_HINH", "ten mo hinh" → "tenmohinh";
// "Văn hoá – xã hội" and "Văn hóa - xã hội" give the same key.
std::string FoldKey(std::string_view utf8);

// A file-name-safe slug: ASCII letters, digits and single hyphens ("Xã Sơn Dương" →
// "xa-son-duong"), at most 80 characters. It is also the one folding of unit ids and model codes
// (SPEC 2.2): "XA-AN", "Xa An" and "xa.an" all give "xa-an"; "MH 03" and "mh-03" give "mh-03".
std::string Slugify(std::string_view utf8);

// The words of a text, each folded like FoldKey: "Kinh phí (đồng)" → {"kinh", "phi", "dong"}.
std::vector<std::string> FoldWords(std::string_view utf8);

// The same for a text of any length, appended to *words (search indexes): one pass of ICU over
// the whole text.
void AppendFoldedWords(std::string_view utf8, std::vector<std::string>* words);

}  // namespace dvk

#endif  // DVK_BASE_FOLD_H_

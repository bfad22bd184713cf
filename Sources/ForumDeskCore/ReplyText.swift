import Foundation

/// The part of an e-mail reply its sender wrote, without what they quoted: the text above the first quoted
/// block, as Outlook, Gmail and Thunderbird write replies and forwards.
///
/// - lines quoted with `>` (any depth) are left out wherever they stand (Thunderbird and mutt quote below or
///   inline, and an answer written between quoted lines still counts);
/// - the text ends at the start of a quoted message: Outlook's header block (`From:` followed within a few lines
///   by `Sent:` or `Date:`), its `-----Original Message-----` and `________________` separators, Gmail's and
///   Thunderbird's `On … wrote:` (also wrapped over two lines), a forwarded message's header line, or a signature
///   (`-- ` on a line of its own, RFC 3676 §4.3).
public enum ReplyText {
    public static func own(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            // "On … wrote:" above lines quoted with `>` (Thunderbird's bottom-posting, or inline answers): the
            // attribution goes, the quoted lines go, and what is written below them still counts.
            if let width = attribution(lines, at: i) {
                var next = i + width
                while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                if next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    i += width
                    continue
                }
                break
            }
            if endsOwnText(lines, at: i) { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.hasPrefix(">") { out.append(line) }
            i += 1
        }
        while let last = out.last, last.trimmingCharacters(in: .whitespaces).isEmpty { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// Whether line `i` starts quoted matter (or a signature): nothing from it on is the sender's own.
    static func endsOwnText(_ lines: [String], at i: Int) -> Bool {
        let line = lines[i]
        if line == "-- " || line == "--" { return true }
        let t = line.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        if lower.range(
            of: #"^-{2,}\s*(original message|forwarded message|message d'origine)\s*-{2,}$"#,
            options: .regularExpression) != nil
        {
            return true
        }
        if lower.hasPrefix("begin forwarded message:") { return true }
        if t.count >= 10, t.allSatisfy({ $0 == "_" }) { return true }
        // Outlook: "From: Name <address>" then "Sent: …" (or "Date:"), possibly in bold (*From:*) in a plain version.
        if header("from", lower) {
            for next in lines[(i + 1)..<min(lines.count, i + 6)] {
                let n = next.trimmingCharacters(in: .whitespaces).lowercased()
                if header("sent", n) || header("date", n) { return true }
            }
        }
        return false
    }

    /// Gmail's, Thunderbird's and Apple Mail's attribution at line `i` ("On Tue, 1 Dec 2026 at 09:00, Name <a@b>
    /// wrote:", maybe wrapped once): how many lines it takes, or nil.
    static func attribution(_ lines: [String], at i: Int) -> Int? {
        let lower = lines[i].trimmingCharacters(in: .whitespaces).lowercased()
        if lower.hasPrefix("on ") {
            if lower.hasSuffix("wrote:") { return 1 }
            if i + 1 < lines.count, lines[i + 1].trimmingCharacters(in: .whitespaces).lowercased().hasSuffix("wrote:") {
                return 2
            }
        }
        if lower.hasSuffix("wrote:"), lower.count < 200, lower.contains("@") { return 1 }
        return nil
    }

    /// RFC 3676 (`format=flowed`, Thunderbird's plain text): a line ending in a space goes on in the next one. Space
    /// stuffing is undone; the signature separator `-- ` is not a soft break.
    public static func unflowed(_ text: String) -> String {
        var out: [String] = []
        var carry: String?
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            var line = String(raw)
            if line.hasPrefix(" ") { line.removeFirst() }
            let joined = (carry ?? "") + line
            if line.hasSuffix(" "), line != "-- ", !line.hasPrefix(">") {
                carry = joined
            } else {
                out.append(joined)
                carry = nil
            }
        }
        if let carry { out.append(carry) }
        return out.joined(separator: "\n")
    }

    static func header(_ name: String, _ lowerLine: String) -> Bool {
        let bare = lowerLine.replacingOccurrences(of: "*", with: "")
        return bare.hasPrefix(name + ":")
    }

    /// Plain text from an HTML-only e-mail: blockquotes (Gmail's and Thunderbird's quoted message), `<style>`,
    /// `<script>` and `<head>` left out; block elements and `<br>` are line breaks; entities decoded. Outlook's
    /// quoted header block (`From: … Sent: …`) stays in the text, for `own` to end it there.
    public static func fromHTML(_ html: String) -> String {
        var s = html
        for element in ["head", "style", "script", "blockquote"] {
            s = removeElements(element, from: s)
        }
        // Gmail's quoted part is a div of class gmail_quote, besides the blockquote inside it: cut there.
        if let quote = s.range(
            of: #"<div[^>]*class="?[^">]*gmail_quote"#, options: [.regularExpression, .caseInsensitive])
        {
            s = String(s[..<quote.lowerBound])
        }
        // Outlook marks the start of the quoted message.
        if let quote = s.range(of: #"<div[^>]*id="?divRplyFwdMsg"#, options: [.regularExpression, .caseInsensitive]) {
            s = String(s[..<quote.lowerBound]) + "\n________________________________\n" + String(s[quote.lowerBound...])
        }
        s = s.replacingOccurrences(of: #"<(br|BR)[^>]*>"#, with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(
            of: #"</?(p|div|li|tr|h[1-6]|hr|table|ul|ol)(\s[^>]*)?>"#, with: "\n",
            options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        s = decodeEntities(s)
        // HTML's own white space: runs of spaces become one, each line trimmed, runs of blank lines one.
        var lines: [String] = []
        for raw in s.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.replacingOccurrences(of: "[ \t\u{00A0}]+", with: " ", options: .regularExpression)
                .trimmingCharacters(in: .whitespaces)
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func removeElements(_ name: String, from html: String) -> String {
        var s = html
        // Innermost first, so nested blockquotes go whole.
        let pattern = "<\(name)(\\s[^>]*)?>((?!<\(name)[\\s>])[\\s\\S])*?</\(name)\\s*>"
        while let range = s.range(of: pattern, options: [.regularExpression, .caseInsensitive]) {
            s.replaceSubrange(range, with: "\n")
        }
        return s
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
            "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "pound": "£",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var value: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
                        String(Character($0))
                    }
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    value = named[name.lowercased()]
                }
                if let value {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

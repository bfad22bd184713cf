import Foundation

/// An RFC 5322 message with a plain-text part and a text/calendar part (RFC 6047, iMIP), as written to the
/// outbox for the council's mail system to send.
public enum Email {
    /// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters and MUST be at most 998.
    static let lineLimit = 78
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let encodedWordLimit = 75

    /// `Name: value`, folded (RFC 5322 §2.2.3) so no line passes 78 characters. A value that is plain printable
    /// ASCII and folds at its spaces is written as it is; anything else (non-ASCII, a word too long to fold, text
    /// that looks like an encoded-word) becomes RFC 2047 encoded-words of at most 75 characters, each holding
    /// whole characters, one per folded line, so a line break in a title can never start a header of its own.
    static func field(_ name: String, _ value: String, then suffix: String? = nil, encoded: Bool = false) -> String {
        var lines = ["\(name):"]
        func add(_ token: String) {
            if lines[lines.count - 1].utf8.count + 1 + token.utf8.count > lineLimit,
                lines[lines.count - 1].utf8.count > name.utf8.count + 1
            {
                lines.append(" " + token)
            } else {
                lines[lines.count - 1] += " " + token
            }
        }
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if !encoded, isPlain(value), !value.contains("=?"), !value.hasPrefix(" "), !value.hasSuffix(" "),
            !value.contains("  "),
            words.allSatisfy({ $0.utf8.count + 1 + name.utf8.count + 2 <= lineLimit })
        {
            words.forEach(add)
        } else {
            encodedWords(value, firstLineUsed: name.utf8.count + 2).forEach(add)
        }
        if let suffix { add(suffix) }
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 B encoded-words for `text`: UTF-8, whole characters (never a split sequence) in each, each word at
    /// most 75 characters and, with the header name on the first line, each line at most 78. Words break after a
    /// space where they can, the space kept inside the word: a decoder drops the white space *between* adjacent
    /// encoded-words (RFC 2047 §6.2), so a space must travel encoded to survive.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> [String] {
        let overhead = "=?UTF-8?B??=".count
        // bytes per word
        func capacity(_ used: Int) -> Int { (min(encodedWordLimit, lineLimit - used) - overhead) / 4 * 3 }
        func size(_ scalars: ArraySlice<Unicode.Scalar>) -> Int { scalars.reduce(0) { $0 + String($1).utf8.count } }
        func word(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars)
            return "=?UTF-8?B?\(Data(s.utf8).base64EncodedString())?="
        }
        var words: [String] = []
        var pending: [Unicode.Scalar] = []
        var limit = capacity(firstLineUsed)
        for scalar in text.unicodeScalars {
            pending.append(scalar)
            while size(pending[...]) > limit, pending.count > 1 {
                let body = pending.dropLast()
                let cut = body.lastIndex(of: " ").map { $0 + 1 } ?? body.endIndex
                let head = pending[..<cut]
                words.append(word(size(head) <= limit ? head : body))
                pending = Array(pending[(size(head) <= limit ? cut : body.endIndex)...])
                limit = capacity(1)  // continuation lines start with one space
            }
        }
        if !pending.isEmpty || words.isEmpty { words.append(word(pending[...])) }
        return words
    }

    static func isPlain(_ value: String) -> Bool { value.allSatisfy { $0.isASCII && !$0.isControlCharacter } }

    /// An address as it may appear in a header or a mailto: no controls, spaces or brackets, whatever the file held.
    public static func address(_ text: String) -> String {
        String(text.filter { !$0.isControlCharacter && !$0.isWhitespace && !"<>\"(),;\\".contains($0) })
    }

    /// `Name: "Display Name" <address>`, folded; a display name that is not plain ASCII becomes encoded-words.
    static func mailboxField(_ field: String, _ name: String, _ address: String) -> String {
        let safe = name.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\\", with: "/")
        let quoted = "\"\(safe)\""
        let to = "<\(Email.address(address))>"
        if isPlain(safe), !safe.contains("=?"), field.utf8.count + 2 + quoted.utf8.count <= lineLimit {
            return Self.field(field, quoted, then: to)
        }
        // A phrase may be encoded-words (RFC 2047 §5(3)); unlike a quoted string, they split across lines.
        return Self.field(field, safe, then: to, encoded: true)
    }

    /// "Name <address>", for a message's From and To.
    public static func mailbox(_ name: String, _ address: String) -> Mailbox { Mailbox(name: name, address: address) }

    public struct Mailbox: Sendable {
        public var name: String
        public var address: String
    }

    /// RFC 5322 date: "Mon, 23 Nov 2026 12:00:00 +0000".
    public static func date(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: instant)
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// A MIME boundary of at most 70 characters (RFC 2046 §5.1.1), from a hash of the message id: the same
    /// message gets the same boundary, and base64 text (A–Z a–z 0–9 + / =) can never contain it.
    static func boundary(for messageID: String) -> String {
        var hashes: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4]
        for byte in messageID.utf8 {
            for i in hashes.indices { hashes[i] = (hashes[i] ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return "=_forumdesk_" + hashes.map { String($0, radix: 16) }.joined(separator: "_")
    }

    /// `<id>` for Message-ID: the id as given when it fits a line, else a hash of it kept with its domain.
    static func messageIDField(_ messageID: String) -> String {
        let id = address(messageID)
        if "Message-ID: <\(id)>".utf8.count <= lineLimit { return "Message-ID: <\(id)>" }
        let domain = id.split(separator: "@").last.map { String($0.prefix(30)) } ?? "forumdesk"
        return "Message-ID: <\(boundary(for: id).dropFirst(12))@\(domain)>"
    }

    /// The whole message, CRLF line ends. Both parts are base64 so no line is too long and no byte is 8-bit.
    public static func message(
        from: Mailbox, to: Mailbox, subject: String, date: Date, messageID: String, body: String,
        calendar: String, method: String
    ) -> String {
        let boundary = boundary(for: messageID)
        let lines = [
            mailboxField("From", from.name, from.address), mailboxField("To", to.name, to.address),
            field("Subject", subject),
            "Date: \(Email.date(date))", messageIDField(messageID), "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            base64Lines(body.replacingOccurrences(of: "\n", with: "\r\n")), "",
            "--\(boundary)", "Content-Type: text/calendar; charset=UTF-8; method=\(method)",
            "Content-Transfer-Encoding: base64", "",
            base64Lines(calendar), "",
            "--\(boundary)--", "",
        ]
        return lines.joined(separator: "\r\n")
    }
}

extension Email {
    /// A file attached to a message (RFC 2183): its MIME type with parameters, and its name.
    public struct Attachment: Sendable {
        public var contentType: String
        public var fileName: String
        public var text: String
        public init(contentType: String, fileName: String, text: String) {
            self.contentType = contentType
            self.fileName = fileName
            self.text = text
        }
    }

    /// A message with a plain-text part and its HTML alternative (RFC 2046 §5.1.4, `multipart/alternative`, the
    /// plain text first so the richer part wins), and, when given, a file attached after them (`multipart/mixed`).
    /// Within the same limits as the notices: header lines folded at 78 characters, every part base64 in
    /// 76-character lines, 7-bit, CRLF line ends; each boundary (≤ 45 characters) a hash of the message id.
    public static func message(
        from: Mailbox, to: Mailbox, subject: String, date: Date, messageID: String, text: String,
        html: String, attachment: Attachment? = nil
    ) -> String {
        func part(_ type: String, _ body: String, extra: [String] = []) -> [String] {
            ["Content-Type: \(type)"] + extra + ["Content-Transfer-Encoding: base64", "", base64Lines(body), ""]
        }
        let inner = boundary(for: messageID + "/alternative")
        let alternative =
            ["--\(inner)"] + part("text/plain; charset=UTF-8", text.replacingOccurrences(of: "\n", with: "\r\n"))
            + ["--\(inner)"] + part("text/html; charset=UTF-8", html.replacingOccurrences(of: "\n", with: "\r\n")) + [
                "--\(inner)--", "",
            ]
        let head = [
            mailboxField("From", from.name, from.address), mailboxField("To", to.name, to.address),
            field("Subject", subject),
            "Date: \(Email.date(date))", messageIDField(messageID), "MIME-Version: 1.0",
        ]
        let body: [String]
        if let attachment {
            let outer = boundary(for: messageID)
            let name = address(attachment.fileName)
            body =
                [
                    "Content-Type: multipart/mixed;\r\n boundary=\"\(outer)\"", "",
                    "--\(outer)", "Content-Type: multipart/alternative;\r\n boundary=\"\(inner)\"", "",
                ] + alternative
                + ["--\(outer)"]
                + part(
                    "\(attachment.contentType);\r\n name=\"\(name)\"", attachment.text,
                    extra: ["Content-Disposition: attachment;\r\n filename=\"\(name)\""])
                + ["--\(outer)--", ""]
        } else {
            body = ["Content-Type: multipart/alternative;\r\n boundary=\"\(inner)\"", ""] + alternative
        }
        return (head + body).joined(separator: "\r\n")
    }
}

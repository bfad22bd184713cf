import Foundation

/// An RFC 5322 message with a plain-text part and a text/calendar part (RFC 6047, iMIP), as written to the
/// outbox for the council's mail system to send.
public enum Email {
    /// A header value: as is when plain printable ASCII, else an RFC 2047 encoded-word (UTF-8, base64), so a
    /// line break in a title can never start a header of its own (header injection).
    static func header(_ value: String) -> String {
        if isPlain(value) { return value }
        return "=?UTF-8?B?\(Data(value.utf8).base64EncodedString())?="
    }

    static func isPlain(_ value: String) -> Bool { value.allSatisfy { $0.isASCII && !$0.isControlCharacter } }

    /// An address as it may appear in a header or a mailto: no controls, spaces or brackets, whatever the file held.
    public static func address(_ text: String) -> String {
        String(text.filter { !$0.isControlCharacter && !$0.isWhitespace && !"<>\"(),;\\".contains($0) })
    }

    /// "Name <address>", the name encoded when needed.
    public static func mailbox(_ name: String, _ address: String) -> String {
        let safe = name.replacingOccurrences(of: "\"", with: "'")
        let to = Email.address(address)
        return isPlain(safe) && !safe.contains("\\") ? "\"\(safe)\" <\(to)>" : "\(header(safe)) <\(to)>"
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

    /// The whole message, CRLF line ends. Both parts are base64 so no line is too long and no byte is 8-bit.
    public static func message(from: String, to: String, subject: String, date: Date, messageID: String, body: String,
                               calendar: String, method: String) -> String {
        let boundary = "forumdesk-" + String(messageID.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
        let lines = [
            "From: \(from)", "To: \(to)", "Subject: \(header(subject))", "Date: \(Email.date(date))",
            "Message-ID: <\(address(messageID))>", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
            base64Lines(body.replacingOccurrences(of: "\n", with: "\r\n")), "",
            "--\(boundary)", "Content-Type: text/calendar; charset=UTF-8; method=\(method)", "Content-Transfer-Encoding: base64", "",
            base64Lines(calendar), "",
            "--\(boundary)--", "",
        ]
        return lines.joined(separator: "\r\n")
    }
}

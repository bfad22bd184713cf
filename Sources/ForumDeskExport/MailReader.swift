import Foundation

/// Reads the calendar parts out of saved e-mail: one message (`.eml`, RFC 5322 with MIME, RFC 2045/2046) or an
/// mbox file (messages each starting with a `From ` line). The `text/calendar` part of a reply from Outlook,
/// Google or Thunderbird comes base64, quoted-printable or as plain text, in UTF-8 or another charset.
public enum MailReader {
    /// One message's calendar parts (decoded text) and its Date header.
    public struct Message: Sendable, Equatable {
        public var calendars: [String]
        public var date: Date?
        public var subject: String?
        /// The addresses of `From:` and `Sender:` (lower case): who sent it, to be checked against the attendee.
        public var from: String?
        public var sender: String?
    }

    /// What a file holds, told by its first bytes rather than its name.
    public enum Kind: Sendable, Equatable { case calendar, message, mbox }

    public static func kind(of data: Data) -> Kind {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let head = String(decoding: bytes, as: UTF8.self).drop { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "\t" }
        if head.uppercased().hasPrefix("BEGIN:VCALENDAR") { return .calendar }
        if head.hasPrefix("From ") { return .mbox }
        return .message
    }

    /// The messages of an mbox file, read as mutt and Python's `mailbox` read them: a message starts at a `From `
    /// line that carries a sender and an asctime date (`From MAILER-DAEMON Thu Nov 26 09:00:00 2026`, Thunderbird's
    /// `From - Thu Nov 26 …`, Takeout's `From 1790…@xxx Thu Nov 26 09:00:00 +0000 2026`) at the start of the file
    /// or after a blank line, so a body line such as "From the residents' meeting" never splits one (mboxo writes
    /// them unescaped). mboxcl's `Content-Length` is followed when it lands on the next message or the end; mboxrd
    /// and mboxo's `>From ` loses one `>`.
    public static func mbox(_ data: Data) -> [Data] {
        let all = lines(data)
        var messages: [Data] = []
        var i = 0
        var previousBlank = true
        // Anything before the first From_ line is not a message.
        while i < all.count, !(previousBlank && isFromLine(all[i])) {
            previousBlank = isBlank(all[i])
            i += 1
        }
        while i < all.count {
            i += 1  // the From_ line
            var message = Data()
            var length: Int?
            // Headers, up to the blank line.
            while i < all.count {
                let line = all[i]
                message.append(contentsOf: line)
                i += 1
                if isBlank(line) { break }
                if let value = header("content-length", of: line) { length = Int(value) }
            }
            if let length, let end = bodyEnd(all, from: i, length: length) {
                for line in all[i..<end] { message.append(contentsOf: line) }
                i = end
                while i < all.count, isBlank(all[i]) { i += 1 }
                messages.append(message)
                continue
            }
            previousBlank = true
            while i < all.count, !(previousBlank && isFromLine(all[i])) {
                var line = all[i]
                if let first = line.firstIndex(where: { $0 != UInt8(ascii: ">") }), first > line.startIndex,
                    line[first...].starts(with: Array("From ".utf8))
                {
                    line = line.dropFirst()
                }
                message.append(contentsOf: line)
                previousBlank = isBlank(all[i])
                i += 1
            }
            messages.append(message)
        }
        return messages
    }

    /// The line index where a body of `length` bytes starting at line `start` ends, if it ends on a line boundary
    /// followed only by blank lines and then the next From_ line or the end of the file (else nil: the length is
    /// wrong, and the From_ lines decide).
    static func bodyEnd(_ all: [Data], from start: Int, length: Int) -> Int? {
        guard length >= 0 else { return nil }
        var i = start, count = 0
        while i < all.count, count < length {
            count += all[i].count
            i += 1
        }
        guard count == length else { return nil }
        var j = i
        while j < all.count, isBlank(all[j]) { j += 1 }
        return j == all.count || isFromLine(all[j]) ? i : nil
    }

    static func isBlank(_ line: Data) -> Bool { line.allSatisfy { $0 == 13 || $0 == 10 } }

    /// The value of header `name` on this line (not unfolded; enough for Content-Length).
    static func header(_ name: String, of line: Data) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":"), text[..<colon].lowercased() == name else { return nil }
        return text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let weekdays: Set<String> = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months: Set<String> = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// A From_ line as mutt's `is_from` accepts it: `From `, a sender (which may be `-`), then an asctime date
    /// (weekday, month, day, time, and a year, with or without a zone before it).
    static func isFromLine(_ line: Data) -> Bool {
        guard line.starts(with: Array("From ".utf8)) else { return false }
        let tokens = String(decoding: line.dropFirst(5), as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n"
        })
        .map(String.init)
        guard let w = tokens.firstIndex(where: { weekdays.contains($0) }), w + 3 < tokens.count,
            months.contains(tokens[w + 1]), let day = Int(tokens[w + 2]), (1...31).contains(day)
        else { return false }
        let time = tokens[w + 3].split(separator: ":")
        guard time.count >= 2, time.allSatisfy({ Int($0) != nil }) else { return false }
        return tokens[(w + 4)...].prefix(2).contains { $0.count == 4 && Int($0) != nil }
    }

    /// The lines of `data`, each with its line end.
    static func lines(_ data: Data) -> [Data] {
        var out: [Data] = []
        var start = data.startIndex
        for i in data.indices where data[i] == 10 {
            out.append(data[start...i])
            start = i + 1
        }
        if start < data.endIndex { out.append(data[start...]) }
        return out
    }

    /// Parses one message and collects every `text/calendar` (or `application/ics`) part, however deeply nested.
    public static func message(_ data: Data) -> Message {
        let part = Part(data)
        var calendars: [String] = []
        part.collectCalendars(into: &calendars, depth: 0)
        // Google and Thunderbird send the same calendar inline and again as invite.ics: one reply, not two.
        var seen: Set<String> = []
        calendars = calendars.filter { seen.insert($0.replacingOccurrences(of: "\r\n", with: "\n")).inserted }
        return Message(
            calendars: calendars, date: part.header("date").flatMap(date), subject: part.header("subject"),
            from: part.header("from").flatMap(address), sender: part.header("sender").flatMap(address))
    }

    /// The address of a mailbox header (RFC 5322 §3.4): `"Name" <a@b>` or `a@b (comment)`, lower-cased; nil
    /// for a header that names no single address (a group, several mailboxes).
    static func address(_ header: String) -> String? {
        var value = header
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            value = String(value[value.index(after: open)..<close])
        } else {
            if let comment = value.firstIndex(of: "(") { value = String(value[..<comment]) }
        }
        value = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard value.filter({ $0 == "@" }).count == 1, !value.contains(where: { $0 == "," || $0 == " " || $0 == ";" })
        else { return nil }
        return value
    }

    /// RFC 5322 §3.3 date, with or without the day name and seconds.
    static func date(_ text: String) -> Date? {
        var value = text.trimmingCharacters(in: .whitespaces)
        if let comment = value.range(of: " (") { value = String(value[..<comment.lowerBound]) }  // "+0000 (GMT)"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in [
            "EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm Z",
        ] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return date }
        }
        return nil
    }

    /// A MIME entity: headers (unfolded, names lower-cased) and its body.
    struct Part {
        var headers: [(name: String, value: String)] = []
        var body: Data

        init(_ data: Data) {
            var index = data.startIndex
            var unfolded: [String] = []
            // Headers end at the first empty line.
            while index < data.endIndex {
                let end = data[index...].firstIndex(of: 10) ?? data.endIndex
                var line = data[index..<end]
                if line.last == 13 { line = line.dropLast() }
                index = end < data.endIndex ? end + 1 : end
                if line.isEmpty { break }
                let text = String(decoding: line, as: UTF8.self)
                if let first = text.first, first == " " || first == "\t", !unfolded.isEmpty {
                    unfolded[unfolded.count - 1] += " " + text.trimmingCharacters(in: .whitespaces)
                } else {
                    unfolded.append(text)
                }
            }
            for line in unfolded {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.append(
                    (
                        line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                        line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    ))
            }
            body = Data(data[index...])
        }

        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

        /// `text/calendar; charset="UTF-8"; method=REPLY` → ("text/calendar", ["charset": "UTF-8", "method": "REPLY"]).
        var contentType: (type: String, parameters: [String: String]) {
            guard let raw = header("content-type") else { return ("text/plain", [:]) }
            let pieces = ICalendar.splitOutsideQuotes(raw, on: ";")
            var parameters: [String: String] = [:]
            for piece in pieces.dropFirst() {
                let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 {
                    parameters[kv[0].lowercased()] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
            return (pieces[0].trimmingCharacters(in: .whitespaces).lowercased(), parameters)
        }

        func collectCalendars(into calendars: inout [String], depth: Int) {
            let (type, parameters) = contentType
            if type.hasPrefix("multipart/"), let boundary = parameters["boundary"], depth < 16 {
                for part in Self.split(body, boundary: boundary) {
                    Part(part).collectCalendars(into: &calendars, depth: depth + 1)
                }
                return
            }
            if type == "message/rfc822", depth < 16 {
                Part(decoded).collectCalendars(into: &calendars, depth: depth + 1)
                return
            }
            let name = (parameters["name"] ?? header("content-disposition") ?? "").lowercased()
            let isCalendar =
                type == "text/calendar" || type == "application/ics"
                || (type == "application/octet-stream" && name.contains(".ics"))
            guard isCalendar else { return }
            calendars.append(Self.text(decoded, charset: parameters["charset"]))
        }

        /// The body with its Content-Transfer-Encoding undone.
        var decoded: Data {
            switch header("content-transfer-encoding")?.lowercased() {
            case "base64":
                Data(base64Encoded: String(decoding: body, as: UTF8.self).filter { !$0.isWhitespace }) ?? Data()
            case "quoted-printable": Self.quotedPrintable(body)
            default: body
            }
        }

        /// RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line joins it to the next.
        static func quotedPrintable(_ body: Data) -> Data {
            var out = Data()
            let b = Array(body)
            var i = 0
            func hex(_ c: UInt8) -> UInt8? {
                switch c {
                case 48...57: c - 48
                case 65...70: c - 55
                case 97...102: c - 87
                default: nil
                }
            }
            while i < b.count {
                if b[i] == UInt8(ascii: "=") {
                    if i + 2 < b.count, b[i + 1] == 13, b[i + 2] == 10 { i += 3; continue }
                    if i + 1 < b.count, b[i + 1] == 10 { i += 2; continue }
                    if i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                        out.append(h << 4 | l)
                        i += 3
                        continue
                    }
                }
                out.append(b[i])
                i += 1
            }
            return out
        }

        static func text(_ data: Data, charset: String?) -> String {
            switch charset?.lowercased() {
            case "iso-8859-1", "latin1", "us-ascii", "ascii":
                String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
            case "windows-1252", "cp1252":
                String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
            default:
                String(decoding: data, as: UTF8.self)
            }
        }

        /// The body parts between `--boundary` lines (RFC 2046 §5.1.1), without the preamble and epilogue.
        static func split(_ body: Data, boundary: String) -> [Data] {
            var parts: [Data] = []
            var current: Data?
            let delimiter = Array(("--" + boundary).utf8)
            for line in MailReader.lines(body) {
                var bare = line
                while let last = bare.last, last == 10 || last == 13 || last == 32 || last == 9 {
                    bare = bare.dropLast()
                }
                if bare.starts(with: delimiter) {
                    let rest = bare.dropFirst(delimiter.count)
                    if rest.isEmpty || rest.elementsEqual(Array("--".utf8)) {
                        if let current { parts.append(current) }
                        current = rest.isEmpty ? Data() : nil
                        if !rest.isEmpty { break }
                        continue
                    }
                }
                current?.append(contentsOf: line)
            }
            return parts
        }
    }
}

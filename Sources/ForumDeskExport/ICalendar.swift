import Foundation
import ForumDeskCore

/// iCalendar (RFC 5545) text: content lines folded at 75 octets without splitting a UTF-8 character (§3.1),
/// CRLF line ends, TEXT values escaped (§3.3.11), times in Europe/London with its VTIMEZONE (§3.6.5).
public enum ICalendar {
    public enum Method: String, Sendable { case publish = "PUBLISH", request = "REQUEST", cancel = "CANCEL" }

    /// `UID` of a meeting's event: stable for its whole life, whatever changes (RFC 5546 §2.1.5).
    public static func uid(ofMeeting id: String) -> String { "\(id)@forumdesk" }

    /// The meeting a reply's UID names, only when it is a valid meeting id (`MeetingID`): a reply is read from outside.
    public static func meetingID(fromUID uid: String) -> String? {
        guard uid.hasSuffix("@forumdesk") else { return nil }
        return MeetingID(String(uid.dropLast("@forumdesk".count)))?.rawValue
    }

    /// TEXT escaping: backslash, semicolon, comma and newline (§3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            case "\t": out.append(c)
            // TEXT allows no controls but tab (§3.3.11); a bidi override would reorder what a calendar shows.
            default:
                if !c.isControlCharacter && !c.unicodeScalars.contains(where: String.isBidiOverride) { out.append(c) }
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets a line, continuation lines start with a space, and a
    /// multi-byte character is never split (§3.1).
    public static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = lines.isEmpty ? 75 : 74  // continuation lines carry the leading space
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    /// `20261124T190000` in London time, for `DTSTART;TZID=Europe/London:`.
    public static func localStamp(_ instant: Date) -> String {
        let l = LondonTime.local(instant)
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", l.date.year, l.date.month, l.date.day, l.hour, l.minute, l.second)
    }

    /// `20261102T101500Z`, for DTSTAMP.
    public static func utcStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970)
        let day = CalendarDate(daysSinceEpoch: Int(floor(Double(seconds) / 86_400)))
        let rest = seconds - day.daysSinceEpoch * 86_400
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", day.year, day.month, day.day, rest / 3600, rest % 3600 / 60, rest % 60
        )
    }

    /// Europe/London since 1996: BST from the last Sunday of March 01:00 UTC to the last Sunday of October.
    static let londonTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/London",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    public struct Person: Sendable {
        public var name: String
        public var email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// A parameter value: quoted when it holds characters that would end it (§3.2).
    static func param(_ value: String) -> String {
        // A line break here would start a property of the sender's choosing; controls are not allowed (§3.1).
        let clean = String(value.filter { !$0.isControlCharacter }).replacingOccurrences(of: "\"", with: "'")
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// One VEVENT for a meeting. `attendee` is for invitations (REQUEST/CANCEL); public feeds have none.
    public static func event(
        _ m: Meeting, directory: Directory, method: Method, sequence: Int, stamp: Date,
        organiser: Person?, attendee: Person?, description: String?, comment: String? = nil,
        url: String? = nil
    ) -> [String] {
        // A published calendar (site, `export ics`, briefings) is public: its texts get the one public cleaning.
        let published = method == .publish
        func text(_ s: String) -> String { published ? PublicRecord.clean(s) : s }
        func venue(_ s: String) -> String { published ? PublicRecord.cleanVenue(s) : s }
        var lines = [
            "BEGIN:VEVENT", "UID:\(escape(uid(ofMeeting: m.id)))", "SEQUENCE:\(sequence)", "DTSTAMP:\(utcStamp(stamp))",
            "DTSTART;TZID=Europe/London:\(localStamp(m.start))", "DTEND;TZID=Europe/London:\(localStamp(m.end))",
            "SUMMARY:\(escape(text(m.title)))",
        ]
        let location = [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", ")
        lines.append("LOCATION:\(escape(venue(location)))")
        if let description { lines.append("DESCRIPTION:\(escape(text(description)))") }
        // A cancellation's reason (RFC 5546 §3.2.5 allows COMMENT in a CANCEL).
        if let comment { lines.append("COMMENT:\(escape(text(comment)))") }
        // How to join an online or hybrid meeting: in an invitation always, in a published calendar only when its
        // link is public. A notice without a page link carries the joining link as its URL (§3.8.4.6).
        let joining = m.online.flatMap { method == .cancel || (published && !$0.published) ? nil : $0 }
        let url = url ?? (published ? nil : joining?.webURL)
        // The meeting's public page (§3.8.4.6): a URI, so no TEXT escaping; a control would end the line.
        if let url { lines.append("URL:" + String(url.filter { !$0.isControlCharacter && $0 != " " })) }
        if let joining { lines += conference(joining) }
        // The same mapping the notice records, so a later change of status shows the notice stale.
        lines.append("STATUS:\((method == .cancel ? EventStatus.cancelled : m.status.eventStatus).rawValue)")
        if let organiser {
            lines.append("ORGANIZER;CN=\(param(organiser.name)):mailto:\(Email.address(organiser.email))")
        }
        if let attendee {
            // A cancellation asks for no reply (RFC 5546 §3.2.5): no RSVP, no "needs action".
            lines.append(
                method == .cancel
                    ? "ATTENDEE;CN=\(param(attendee.name));ROLE=REQ-PARTICIPANT:mailto:\(Email.address(attendee.email))"
                    : "ATTENDEE;CN=\(param(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\(Email.address(attendee.email))"
            )
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// RFC 7986 §5.11 `CONFERENCE` properties: the web link (audio, video, chat, screen) and the telephone
    /// dial-in, each with a LABEL people can read. Only links that pass `OnlineJoining.linkProblem` reach here.
    static func conference(_ online: OnlineJoining) -> [String] {
        var out: [String] = []
        if let web = online.webURL {
            out.append(
                "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO,CHAT,SCREEN;LABEL=\(param("Join online (" + online.kind.label + ")")):\(web)"
            )
        }
        if let tel = online.telephoneURI {
            out.append(
                "CONFERENCE;VALUE=URI;FEATURE=PHONE;LABEL=\(param("Join by phone" + (online.dialIn.map { " (" + $0 + ")" } ?? ""))):\(tel)"
            )
        }
        return out
    }

    /// A whole VCALENDAR, folded, CRLF-terminated.
    public static func calendar(method: Method, events: [[String]], name: String? = nil) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ForumDesk//Community engagement meetings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:\(method.rawValue)",
        ]
        if let name { lines.append("X-WR-CALNAME:\(escape(name))") }
        lines += londonTimeZone
        lines += events.flatMap { $0 }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    // MARK: reading replies

    /// Content lines of an iCalendar text, unfolded (§3.1): name (upper-cased), parameters, value, and the
    /// component the line is in (`VEVENT`, `DAYLIGHT` inside a `VTIMEZONE`, …), so a time zone's DTSTART is never
    /// taken for the event's.
    public struct ContentLine: Sendable, Equatable {
        public var name: String
        /// Upper-cased names; a quoted value without its quotes; a list (`DELEGATED-TO="mailto:a","mailto:b"`) as written.
        public var parameters: [String: String]
        public var value: String
        public var component: String = ""

        /// The values of a list parameter (§3.2), each without its quotes.
        public func list(_ parameter: String) -> [String] {
            guard let raw = rawParameters[parameter] else { return [] }
            return ICalendar.splitOutsideQuotes(raw, on: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }

        var rawParameters: [String: String] = [:]

        public static func == (a: ContentLine, b: ContentLine) -> Bool {
            a.name == b.name && a.parameters == b.parameters && a.value == b.value && a.component == b.component
        }
    }

    /// Splits at `separator` where it is not inside a quoted string.
    static func splitOutsideQuotes(_ text: Substring, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if c == separator, !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    static func splitOutsideQuotes(_ text: String, on separator: Character) -> [String] {
        splitOutsideQuotes(text[...], on: separator)
    }

    public static func parse(_ text: String) -> [ContentLine] {
        var unfolded: [String] = []
        // A byte-order mark (as some Windows tools save .ics files) is not part of the first line.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if let first = raw.first, first == " " || first == "\t", !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += raw.dropFirst()
            } else if !raw.isEmpty {
                unfolded.append(String(raw))
            }
        }
        var components: [String] = []
        return unfolded.compactMap { line in
            // The value starts at the first colon that is not inside a quoted parameter value.
            var inQuotes = false
            var colon: String.Index?
            for i in line.indices {
                if line[i] == "\"" { inQuotes.toggle() }
                if line[i] == ":", !inQuotes { colon = i; break }
            }
            guard let colon else { return nil }
            let head = splitOutsideQuotes(line[..<colon], on: ";")
            guard let name = head.first?.uppercased(), !name.isEmpty else { return nil }
            var parameters: [String: String] = [:]
            var raw: [String: String] = [:]
            for p in head.dropFirst() {
                let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { continue }
                raw[kv[0].uppercased()] = kv[1]
                parameters[kv[0].uppercased()] = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            let value = String(line[line.index(after: colon)...])
            if name == "END", components.last?.uppercased() == value.uppercased() { components.removeLast() }
            var parsed = ContentLine(
                name: name, parameters: parameters, value: value, component: components.last?.uppercased() ?? "")
            parsed.rawParameters = raw
            if name == "BEGIN" { components.append(value.uppercased()) }
            return parsed
        }
    }

    /// A TEXT value as written, unescaped (§3.3.11): `\n` is a line break, `\,` `\;` `\\` the character.
    public static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for c in text {
            if escaped {
                out.append(c == "n" || c == "N" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

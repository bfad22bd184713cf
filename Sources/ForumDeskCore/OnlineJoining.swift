import Foundation

/// How a meeting can be joined from anywhere: a Teams or Zoom link, a telephone dial-in, or any other web link,
/// with instructions. A meeting with a venue and a joining link is hybrid; `onlineOnly` says there is no room to go to.
/// Carried by the notices (text and calendar: `URL` and RFC 7986 `CONFERENCE`), on the public page only when
/// `published` (a public meeting whose link anyone may have), and the minutes count who joined online apart.
public struct OnlineJoining: Sendable, Equatable {
    public var kind: JoiningKind
    /// `https://…` for a web meeting, or a `tel:` URI; nil for a dial-in given only as `dialIn` text.
    public var url: String?
    /// "0203 555 0147, conference ID 812 334 190#": the number and codes to dial, as people read them.
    public var dialIn: String?
    /// "Join from 18:50; the chair will take questions in the chat."
    public var instructions: String?
    /// The link may appear on the public website (the meeting is open to any resident). Otherwise only those
    /// notified receive it and the public page says to ask the team.
    public var published: Bool = false
    /// No room to attend in person: the venue is where the organiser is, and the notice says so.
    public var onlineOnly: Bool = false
    public var extra: UnknownFields = [:]

    public init(
        kind: JoiningKind, url: String? = nil, dialIn: String? = nil, instructions: String? = nil,
        published: Bool = false, onlineOnly: Bool = false, extra: UnknownFields = [:]
    ) {
        self.kind = kind
        self.url = url
        self.dialIn = dialIn
        self.instructions = instructions
        self.published = published
        self.onlineOnly = onlineOnly
        self.extra = extra
    }

    /// "Online (Microsoft Teams)" or "Hybrid: in the room or online (Zoom)".
    public var modeLabel: String { (onlineOnly ? "Online only" : "Hybrid: in the room or online") + " (\(kind.label))" }

    /// `url` when it is a safe link (`linkProblem`): the only form of it that notices, calendars and pages use.
    public var link: String? { url.flatMap { Self.linkProblem($0) == nil ? $0 : nil } }

    /// The telephone dial-in as a `tel:` URI (RFC 3966), from `url` when it is one, else from the digits of
    /// `dialIn` (a leading 0 read as the UK's +44). nil when there is no number.
    public var telephoneURI: String? {
        if let link, link.lowercased().hasPrefix("tel:") { return link }
        guard let dialIn else { return nil }
        let number = dialIn.prefix { $0.isNumber || $0 == " " || $0 == "+" || $0 == "-" || $0 == "(" || $0 == ")" }
        var digits = number.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 6 else { return nil }
        if number.trimmingCharacters(in: .whitespaces).hasPrefix("+") { return "tel:+" + digits }
        if digits.hasPrefix("0") { digits.removeFirst(); return "tel:+44" + digits }
        return "tel:" + digits
    }

    /// The web link, when there is one (`url` that is not a telephone number).
    public var webURL: String? {
        guard let link, !link.lowercased().hasPrefix("tel:") else { return nil }
        return link
    }

    /// Lines of a notice or a page: how to join, the link, the dial-in, the instructions.
    public var noticeLines: [String] {
        var lines = [
            onlineOnly
                ? "This meeting is online only (\(kind.label))."
                : "You can also join this meeting online (\(kind.label))."
        ]
        if let web = webURL { lines.append("Join online: \(web)") }
        if let dialIn {
            lines.append("Join by phone: \(dialIn)")
        } else if let tel = telephoneURI {
            lines.append("Join by phone: \(tel.dropFirst(4))")
        }
        if let instructions { lines.append(instructions) }
        return lines
    }

    /// What is wrong with it, if anything: a link that is not `https://` (or `tel:`), holds spaces or controls or
    /// is too long; a telephone dial-in with no number; nothing to join by.
    public var problems: [(field: String, message: String)] {
        var out: [(String, String)] = []
        if let url {
            if let problem = Self.linkProblem(url) { out.append(("url", problem)) }
        }
        if let dialIn,
            dialIn.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
        {
            out.append(("dialIn", "the dial-in holds a control character"))
        }
        if url == nil && dialIn == nil {
            out.append(("url", "a joining link or a dial-in number is needed"))
        }
        if kind == .phone, telephoneURI == nil {
            out.append(("dialIn", "a telephone dial-in needs a number (`tel:` link or dial-in digits)"))
        }
        return out
    }

    /// A joining link must be `https://host/…` or `tel:+digits`: anything else (javascript:, http:, a space, a
    /// quote or an angle bracket that would end an HTML attribute or a calendar line) is refused.
    public static func linkProblem(_ url: String) -> String? {
        if url.count > 2_000 { return "the link is longer than 2,000 characters" }
        if url.contains(where: {
            !$0.isASCII || $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
                || "\"<>\\^`{|}".contains($0)
        }) {
            return
                "the link holds a space, a control or a character a link may not (write it as copied from the invitation)"
        }
        let lower = url.lowercased()
        if lower.hasPrefix("tel:") {
            let rest = url.dropFirst(4)
            return !rest.isEmpty
                && rest.allSatisfy({
                    $0.isNumber || $0 == "+" || $0 == "-" || $0 == "," || $0 == ";" || $0 == "=" || $0 == "#"
                        || $0 == "*"
                })
                ? nil : "a `tel:` link is digits, + and -"
        }
        guard lower.hasPrefix("https://"), url.count > 8, url.dropFirst(8).first != "/" else {
            return "a link starts with https:// (or tel: for a phone number)"
        }
        return nil
    }
}

public enum JoiningKind: String, ModelEnum {
    case teams, zoom, phone, web
    public var label: String {
        switch self {
        case .teams: "Microsoft Teams"
        case .zoom: "Zoom"
        case .phone: "telephone dial-in"
        case .web: "online meeting"
        }
    }
}

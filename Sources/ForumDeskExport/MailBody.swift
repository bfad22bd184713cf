import Foundation
import ForumDeskCore

/// The written part of one e-mail, for the answers action owners send by replying (`ActionReplyText`): its
/// Message-ID, Date, Subject, From and Sender, and its text: the first `text/plain` part that is not an attachment,
/// else the first `text/html` part turned to text (Outlook and some phones send HTML only). A message attached
/// whole (`message/rfc822`) is someone else's and is not read.
public struct MailBody: Sendable, Equatable {
    public var messageID: String?
    public var date: Date?
    public var subject: String?
    public var from: String?
    public var sender: String?
    /// The decoded text, quoted matter included (`ReplyText.own` takes it out).
    public var text: String

    public init(_ data: Data) {
        let part = MailReader.Part(data)
        messageID = part.header("message-id").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        date = part.header("date").flatMap(MailReader.date)
        subject = part.header("subject")
        from = part.header("from").flatMap(MailReader.address)
        sender = part.header("sender").flatMap(MailReader.address)
        var plain: String?
        var html: String?
        Self.collect(part, plain: &plain, html: &html, depth: 0)
        text = plain ?? html.map(ReplyText.fromHTML) ?? ""
    }

    static func collect(_ part: MailReader.Part, plain: inout String?, html: inout String?, depth: Int) {
        let (type, parameters) = part.contentType
        if type.hasPrefix("multipart/"), let boundary = parameters["boundary"], depth < 16 {
            for child in MailReader.Part.split(part.body, boundary: boundary) {
                collect(MailReader.Part(child), plain: &plain, html: &html, depth: depth + 1)
            }
            return
        }
        if part.header("content-disposition")?.lowercased().hasPrefix("attachment") == true { return }
        if type == "text/plain", plain == nil {
            let text = MailReader.Part.text(part.decoded, charset: parameters["charset"])
            plain = parameters["format"]?.lowercased() == "flowed" ? ReplyText.unflowed(text) : text
        }
        if type == "text/html", html == nil {
            html = MailReader.Part.text(part.decoded, charset: parameters["charset"])
        }
    }

    /// The sender's own text, without what they quoted.
    public var ownText: String { ReplyText.own(text) }
}

import Foundation
import ForumDeskCore

/// An e-mail in which an action owner answers about their actions (`A-2026-041 done: …`), as `import reply` finds
/// it beside calendar replies: its own text read for answers, its sender and Message-ID kept for `ActionReplyRules`.
public enum ActionMail {
    /// The answers of one e-mail, or nil when its own text names no action.
    public static func read(_ data: Data, source: String, now: Date) -> ActionReplyRules.Mail? {
        let body = MailBody(data)
        let sent = body.date ?? now
        let reading = ActionReplyText.read(body.ownText, today: LondonTime.date(sent))
        guard reading.namesActions else { return nil }
        return ActionReplyRules.Mail(
            source: source, messageID: body.messageID ?? standIn(data), sent: sent, from: body.from,
            sender: body.sender, reading: reading)
    }

    /// For an e-mail without a Message-ID: one made from its bytes (FNV-1a, 64 bits), the same at every import.
    static func standIn(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "<no-message-id-\(String(hash, radix: 16))@forumdesk>"
    }
}

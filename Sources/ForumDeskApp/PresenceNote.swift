import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// How the screens say who else has a meeting open (from `Presence` files).
enum PresenceNote {
    /// "ana has this open since 14:05" (on another machine: "ana on laptop-2 …"); the names are sanitised.
    static func text(_ owner: ProcessOwner, more: Int, now: Date) -> String {
        let who =
            TerminalText.sanitized(owner.user)
            + (owner.host == ProcessOwner.hostName ? "" : " on " + TerminalText.sanitized(owner.host))
        let when =
            LondonTime.date(owner.since) == LondonTime.date(now)
            ? LondonTime.hhmm(owner.since) : LondonTime.display(owner.since)
        return "\(who) has this open since \(when)" + (more > 0 ? " (and \(more) more)" : "")
            + ". You can still edit; saves are checked."
    }
}

extension Edit {
    /// The meeting an edit writes, if it writes one meeting.
    var meetingID: String? {
        switch self {
        case .saveMeeting(let m, _), .notify(let m, _, _): m.id
        case .deleteMeeting(let id, _): id
        default: nil
        }
    }
}

import Foundation

/// Where notice e-mails live in the data folder, and the name of each: one name per notice (person, kind,
/// SEQUENCE), so the same notice is never written twice and a file can be matched to its record.
///
/// - `outbox/<meeting>/`: what is still to be sent; the council's mail system sends (and removes) these.
/// - `outbox-pending/<meeting>/`: e-mails written but not yet committed. The folder exists only while a notice
///   transaction on that meeting is in flight, so after a crash it says which meeting to repair.
/// - `outbox-withdrawn/<meeting>/`: e-mails taken out of the outbox before they were sent (superseded by an
///   update or cancellation, or their notice undone), kept for the record.
/// - `outbox-sending/<meeting>/`: e-mails `forumdesk send` has handed to the mail program and not yet heard back
///   about; one left here by a run that was killed may have been sent, and is never sent again by itself.
/// - `sent/<meeting>/`: e-mails the mail program accepted, each with `<file>.log` (when, the program, its answer).
public enum NoticeOutbox {
    public static let outbox = "outbox"
    public static let pending = "outbox-pending"
    public static let withdrawn = "outbox-withdrawn"
    public static let sending = "outbox-sending"
    public static let sent = "sent"

    /// Written to the outbox and not yet accepted by the mail program (queued, failed, or maybe sent), not withdrawn.
    public static func isWaiting(_ notice: CouncillorNotification) -> Bool {
        notice.method == .email && notice.withdrawn == nil
            && (notice.delivery == .queued || notice.delivery == .failed || notice.delivery == .sending)
    }

    /// `<person>-<request|cancel>-<sequence>.eml`.
    public static func fileName(of notice: CouncillorNotification) -> String {
        "\(notice.councillor)-\(notice.kind == .cancellation ? "cancel" : "request")-\(notice.sequence).eml"
    }

    /// The notice name a file in the outbox stands for: its own name, or for a file written before names were
    /// per notice (`20261123T120000-<person>-request-0.eml`) that name without the time. nil for anything else,
    /// which ForumDesk leaves alone.
    public static func noticeName(ofFile name: String) -> String? {
        guard name.hasSuffix(".eml"), !name.hasPrefix(".") else { return nil }
        var stem = Substring(name.dropLast(4))
        let legacy = stem.prefix(16)
        if legacy.count == 16, legacy.last == "-",
            legacy.dropLast().enumerated().allSatisfy({ i, c in i == 8 ? c == "T" : c.isASCII && c.isNumber })
        {
            stem = stem.dropFirst(16)
        }
        let parts = stem.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, last.allSatisfy({ $0.isASCII && $0.isNumber }),
            ["request", "cancel"].contains(parts[parts.count - 2])
        else { return nil }
        return stem + ".eml"
    }

    /// Folders beside the meetings' in `outbox/`, `outbox-sending/`, `sent/` and `outbox-withdrawn/` for e-mails that
    /// belong to no one meeting: reminders to action owners (`forumdesk remind`) and councillors' briefings
    /// (`forumdesk brief`). `send` delivers them like notices; no meeting records their delivery.
    public static let reminders = "reminders"
    public static let briefings = "briefings"
    /// "Action raised" e-mails: an action given to an owner, who is told how to answer by replying.
    public static let raised = "actions"
    /// "You said, we did" messages to residents who asked to be told (`forumdesk send` queues them), by issue.
    public static let residents = "residents"
    /// The team's own mail from `forumdesk daily` (a failed run, to the organiser's address): `team-daily-<stamp>.eml`.
    public static let daily = "daily"
    public static let digestFolders = [reminders, briefings, raised, residents, daily]

    /// `<person>-reminder-20261123T120000.eml` (London time), or `-briefing-`: one per person and moment.
    public static func digestFileName(person: String, folder: String, at instant: Date) -> String {
        let l = LondonTime.local(instant)
        let stamp = String(
            format: "%04d%02d%02dT%02d%02d%02d", l.date.year, l.date.month, l.date.day, l.hour, l.minute, l.second)
        return "\(person)-\(digestKind(folder))-\(stamp).eml"
    }

    static func digestKind(_ folder: String) -> String {
        folder == briefings
            ? "briefing"
            : folder == raised ? "action" : folder == residents ? "told" : folder == daily ? "daily" : "reminder"
    }

    /// The person a digest file in `folder` is to, by directory id; nil for a file not named as ForumDesk names them.
    public static func digestPerson(ofFile name: String, in folder: String) -> String? {
        guard digestFolders.contains(folder), name.hasSuffix(".eml"), !name.hasPrefix(".") else { return nil }
        let stem = name.dropLast(4)
        let marker = "-\(digestKind(folder))-"
        guard let range = stem.range(of: marker, options: .backwards) else { return nil }
        let stamp = stem[range.upperBound...]
        guard stamp.count == 15, stamp.enumerated().allSatisfy({ i, c in i == 8 ? c == "T" : c.isASCII && c.isNumber }),
            range.lowerBound > stem.startIndex
        else { return nil }
        return PersonID(String(stem[..<range.lowerBound]))?.rawValue
    }

    /// Whether `file` in `outbox/<folder>/` (or sending, sent) is an e-mail `send` hands over: a notice in a meeting's
    /// folder, a digest in a digest folder.
    public static func isMessage(_ file: String, in folder: String) -> Bool {
        digestFolders.contains(folder) ? digestPerson(ofFile: file, in: folder) != nil : noticeName(ofFile: file) != nil
    }

    /// The notices whose e-mails belong in the outbox: by e-mail and not withdrawn, by file name.
    public static func expected(_ notices: [CouncillorNotification]) -> Set<String> {
        Set(notices.filter { $0.method == .email && $0.withdrawn == nil }.map(fileName))
    }
}

import Foundation
import ForumDeskCore

/// Printable letters for the people owed a notice who prefer a letter (`forumdesk letters`): one standalone HTML
/// page per recipient, A4, with the recipient's address placed for the window of a DL envelope (a sheet folded
/// in three), the team's sender block, the date, and the same words as the e-mail notice (`Notifier.wording`).
/// Pure: the caller writes the files and records the notices.
public enum Letters {
    /// One letter to write.
    public struct Letter: Sendable {
        public var person: Person
        public var state: NotificationState
        /// The notice it records (method `.letter`).
        public var notice: CouncillorNotification
        /// `letters/<meeting>/<person>-<request|cancel>-<sequence>.html`, relative to the data folder.
        public var path: String
        public var html: String
    }

    /// Someone who prefers a letter and cannot be sent one, and why.
    public struct Missing: Sendable {
        public var person: Person
        public var state: NotificationState
        public var reason: String
    }

    public struct Plan: Sendable {
        public var letters: [Letter]
        public var missing: [Missing]
        /// The meeting with the letters' notices recorded (and its SEQUENCE raised where a change requires it).
        public var meeting: Meeting
    }

    /// The sender block: the team, the council, its postal address and e-mail address.
    public struct Sender: Sendable {
        public var organiser: Notifier.Organiser
        public var council: String
        public var address: [String]
        public init(organiser: Notifier.Organiser, council: String, address: [String]) {
            self.organiser = organiser
            self.council = council
            self.address = address
        }
    }

    /// The letters owed for `meeting`: to each person owed a notice (`Notifier.owed`: the wards' councillors, and
    /// with `partners` invited partners' contacts not yet invited) whose preferred contact is a letter. One without
    /// a usable postal address is listed in `missing` and nothing is recorded for them.
    public static func plan(
        for meeting: Meeting, directory: Directory, sender: Sender, now: Date, partners: Bool = false
    ) -> Plan {
        var updated = meeting
        let owed = Notifier.owed(for: meeting, directory: directory, partners: partners).filter {
            $0.person.preferredContact == .letter
        }
        var letters: [Letter] = [], missing: [Missing] = []
        updated.sequence = Notifier.sequence(for: meeting, owed: owed)
        for (person, state, _) in owed {
            if person.postalAddress.isEmpty {
                missing.append(Missing(person: person, state: state, reason: "no postal address in the directory"))
                continue
            }
            if let problem = PostalAddress.problem(person.postalAddress) {
                missing.append(Missing(person: person, state: state, reason: "postal address not usable: \(problem)"))
                continue
            }
            // A letter whose address would lose a line in the window is not made (the post would not arrive).
            guard let window = LetterWindow.layout(addressBlock(person, directory: directory)) else {
                let problem = LetterWindow.problem(addressBlock(person, directory: directory)) ?? "it does not fit"
                missing.append(
                    Missing(
                        person: person, state: state,
                        reason: "postal address does not fit the envelope's window: \(problem)"))
                continue
            }
            let kind: NoticeKind = state == .cancellationOwed ? .cancellation : .invitation
            var notice = Notifier.record(updated, to: person.id, kind: kind, method: .letter, now: now)
            let path = "\(LetterFiles.folder)/\(meeting.id)/\(LetterFiles.stem(of: notice)).html"
            notice.delivery = .sent
            notice.sentAt = now
            notice.deliveryNote = "letter written for printing: \(path)"
            letters.append(
                Letter(
                    person: person, state: state, notice: notice, path: path,
                    html: html(
                        updated, directory: directory, to: person, kind: kind, stale: state == .stale,
                        sender: sender, now: now, window: window)))
            updated.notifications.append(notice)
            for i in updated.invitations.indices
            where updated.invitations[i].person == person.id && updated.invitations[i].at == nil {
                updated.invitations[i].at = now
            }
        }
        return Plan(letters: letters, missing: missing, meeting: updated)
    }

    /// "6 December 2026", the letter's date, in Europe/London.
    public static func letterDate(_ now: Date) -> String {
        let day = LondonTime.date(now)
        return "\(day.day) \(MeetingDocument.months[day.month - 1]) \(day.year)"
    }

    /// The recipient's block: name, for a partner's contact their role and organisation, then the address lines.
    public static func addressBlock(_ person: Person, directory: Directory) -> [String] {
        LetterWindow.block(person, directory)
    }

    /// One letter as a standalone HTML5 page with A4 print styles. The address block sits 20 mm from the sheet's
    /// left edge and 50 mm from its top, 85 × 40 mm: in the window of a DL envelope (window 90 × 45 mm, 20 mm from
    /// the left, 15 mm from the bottom) once the sheet is folded in three. Its lines and type size are the ones
    /// `LetterWindow` measured to fit that box, never wrapped again by the browser.
    /// `window`: the address as measured for the window (`LetterWindow`), its type size and lines; nil measures it here
    /// (and prints it at 8 pt, wrapped by the browser, when it cannot fit: `plan` never makes such a letter).
    public static func html(
        _ m: Meeting, directory: Directory, to person: Person, kind: NoticeKind, stale: Bool, sender: Sender,
        now: Date, window: LetterWindow.Layout? = nil
    ) -> String {
        let block = addressBlock(person, directory: directory)
        let window =
            window ?? LetterWindow.layout(block)
            ?? LetterWindow.Layout(fontSize: LetterWindow.sizes.last!, lines: block)
        let w = Notifier.wording(
            for: m, directory: directory, to: person.name, kind: kind, stale: stale,
            organiser: sender.organiser, council: sender.council, medium: .letter)
        func text(_ s: String) -> String { DocumentFormat.htmlRuns(s.withoutControls) }
        func lines(_ items: [String]) -> String { items.map(text).joined(separator: "<br/>\n") }
        var details = ["<p class=\"when\">\(text(w.when))</p>", "<p>\(text(w.venue))</p>"]
        if let access = w.access { details.append("<p>Access: \(text(access))</p>") }
        if let wards = w.wards { details.append("<p>\(text(wards))</p>") }
        if let notes = w.notes { details.append("<p>\(text(notes))</p>") }
        if !w.joining.isEmpty { details.append("<p>\(lines(w.joining))</p>") }
        var agenda = ""
        if !w.agenda.isEmpty {
            agenda =
                "<h2>Agenda so far</h2>\n<ul class=\"agenda\">\n"
                + w.agenda.map { "<li>\(text($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        let senderLines = [sender.organiser.name, sender.council] + sender.address + [sender.organiser.email]
        let heading = (kind == .cancellation ? "Cancelled: " : stale ? "Changed: " : "Invitation: ") + w.title
        let style = """
            @page{size:A4;margin:15mm 18mm 20mm 20mm}\
            html{font-family:Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.35;color:#000;background:#fff}\
            body{margin:0;position:relative;min-height:100mm}\
            .sender{position:absolute;top:0;right:0;width:72mm;text-align:right;font-size:10pt;font-style:normal}\
            .address{position:absolute;top:35mm;left:0;width:85mm;height:40mm;overflow:hidden;font-style:normal;white-space:nowrap;\
            font-family:Arial,'Liberation Sans',sans-serif}\
            .date{padding-top:82mm;margin:0 0 6mm}\
            h1{font-size:13pt;margin:5mm 0 3mm}h2{font-size:11pt;margin:5mm 0 2mm}\
            p{margin:0 0 3mm}.agenda{list-style:none;padding-left:6mm;margin:0 0 3mm}\
            .signature{margin-top:8mm}\
            @media screen{body{max-width:174mm;margin:10mm auto;padding:0 5mm}}\
            @media print{h1,h2{break-after:avoid}.agenda li{break-inside:avoid}}
            """
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(text(heading)) (letter to \(text(person.name)))</title>
            <style>\(style)</style>
            </head>
            <body>
            <address class="sender">\(lines(senderLines))</address>
            <address class="address" style="font-size:\(window.fontSize)pt;line-height:\(LetterWindow.lineHeight)">\(lines(window.lines))</address>
            <p class="date">\(text(letterDate(now)))</p>
            <p>\(text(w.salutation))</p>
            \(w.opening.map { "<p>\(text($0))</p>" }.joined(separator: "\n"))
            <h1>\(text(w.title))</h1>
            \(details.joined(separator: "\n"))
            \(agenda)<p class="signature">Yours sincerely,</p>
            <p>\(lines(w.signature.dropLast(1).map { $0 }))</p>
            </body>
            </html>

            """
    }
}

import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// The minutes (or the agenda, before the meeting) as the exported document reads.
struct MeetingMinutesTab: MeetingTab {
    var title: String { "Minutes" }
    var keys: KeyMap<Command>.Group? { MeetingDocumentKeys.group }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .text(lines(m, c)) }

    func lines(_ m: Meeting, _ c: Context) -> [StyledLine] {
        MeetingDocument.lines(
            for: m, directory: c.directory, allMeetings: c.data.meetings, council: c.data.settings.council
        ).flatMap { line -> [StyledLine] in
            switch line.kind {
            case .title: [StyledLine(line.text, Theme.title)]
            case .heading: [StyledLine(line.text, .bold)]
            case .subheading: [StyledLine(line.text, .bold)]
            case .resolved: [StyledLine(line.text, Theme.good)]
            case .body: [StyledLine(line.text)]
            case .blank: [.empty]
            case .chart: [StyledLine(line.text, .bold)] + line.chartLines.map { StyledLine($0) }
            }
        }
    }
}

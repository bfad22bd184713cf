import ForumDeskCore

extension DataFolder {
    public var templatesFolder: String { path("templates") }

    /// `templates/lets-talk-together.json`: named by the kind, so it is always a plain name inside the folder.
    public func templateFile(_ kind: MeetingKind) -> String { path("templates/\(kind.rawValue).json") }
}

extension DataStore {
    /// Reads each kind's agenda template (`templates/<kind>.json`, optional) into `data.templates`. A file that cannot
    /// be read is reported with its position, like any other, and that kind gets no template; a template whose
    /// `kind` is not the one its file is named for is reported too.
    func loadTemplates(into data: inout DataSet) {
        for kind in MeetingKind.allCases {
            let path = folder.templateFile(kind)
            guard let template = load(path, required: false, into: &data, Codec.template) else { continue }
            guard template.kind == kind else {
                // Never overwritten by a save from the app while it says another kind.
                data.fingerprints[path]?.unreadable = true
                data.fileProblems.append(
                    Diagnostic(
                        path: path, position: SourcePosition(line: 1, column: 1),
                        message:
                            "the file is named `\(kind.rawValue).json` but its kind is `\(template.kind.rawValue)`; not used"
                    ))
                continue
            }
            data.templates[kind] = template
        }
    }
}

extension DataSet {
    /// A new meeting with its kind's standing items (if that kind has a template), "minutes of the previous
    /// meeting" dated from the area's last held meeting among those loaded.
    public func withTemplate(_ meeting: Meeting, among others: [Meeting]? = nil) -> Meeting {
        guard let template = templates[meeting.kind] else { return meeting }
        return template.applied(to: meeting, lastHeld: AgendaTemplate.lastHeld(before: meeting, in: others ?? meetings))
    }
}

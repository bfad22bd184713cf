import ForumDeskCore

extension DataStore {
    /// Writes one kind's agenda template to `templates/<kind>.json` with the checked, durable save every record
    /// has: refused when the file changed on disk since it was read, or could not be read (so a template file
    /// with a mistake in it is never overwritten by the app); the `templates` folder is made if it is missing.
    public func save(_ template: AgendaTemplate, in data: inout DataSet) throws(SaveError) {
        try write(Codec.encode(template), to: folder.templateFile(template.kind), in: &data)
        data.templates[template.kind] = template
    }

    /// Removes a kind's template file (undoing the first item added to a kind that had none), after the same check.
    public func deleteTemplate(_ kind: MeetingKind, in data: inout DataSet) throws(SaveError) {
        try remove(folder.templateFile(kind), in: &data)
        data.templates[kind] = nil
    }
}

extension DataSet {
    /// The problem with a kind's template file when it was unreadable on loading (shown with it; the app never
    /// saves over it), nil when it was read or is absent.
    public func templateProblem(_ kind: MeetingKind) -> Diagnostic? {
        let name = "templates/\(kind.rawValue).json"
        guard
            let path = fingerprints.first(where: {
                $0.value.unreadable && ($0.key == name || $0.key.hasSuffix("/" + name))
            })?.key
        else { return nil }
        return (loadErrors + fileProblems).last { $0.path == path }
            ?? Diagnostic(path: path, position: nil, message: "the file cannot be read")
    }
}

import ForumDeskCore

extension DataStore {
    /// Writes a machine-local file (`.forumdesk-daily/<name>`: logs and state of `forumdesk daily`, left out of the
    /// record by `.gitignore`'s `/.forumdesk*`), atomically and durably, through no symbolic link.
    public func writeLocal(_ text: String, folder localFolder: String, name: String) throws(SaveError) {
        // Both names are ForumDesk's own (never from data); the file's name is still checked as one plain name.
        let dir = folder.path(localFolder)
        _ = try checked { () throws(PathError) in try folder.inside([name]) }
        let path = "\(dir)/\(name)"
        if let problem = linkProblem([path]) { throw .refused(problem) }
        do {
            try DurableFile.makeFolders(dir, fs: fs, mode: modes.folder)
        } catch {
            throw .failed(path: dir, DurableWriteError(stage: .prepare, cause: error))
        }
        do {
            try DurableFile.write(Array(text.utf8), to: path, fs: fs, modes: modes)
        } catch {
            throw .failed(path: path, error)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One file of a published website, ready to write: its path under the site folder, its bytes, and the inputs
/// it was made from (kept in the manifest, to see why a page changed).
public struct PublishedFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var dependsOn: [String]
    public init(path: String, bytes: [UInt8], dependsOn: [String]) {
        self.path = path
        self.bytes = bytes
        self.dependsOn = dependsOn
    }
}

/// What the site folder held after the last publish: each file's content hash, when it last changed, and what
/// it was made from. `.forumdesk-site.json` in the site folder; only files it lists are ever replaced or deleted.
public struct SiteManifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// FNV-1a of the bytes, in hex.
        public var hash: String
        /// When the content last changed (RFC 3339): a feed entry's `updated`, a calendar event's DTSTAMP.
        public var changed: Date
        public var dependsOn: [String]
    }
    public var schema = 1
    public var files: [String: Entry] = [:]
    public init() {}
}

public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Writes a static website into a folder, incrementally and atomically.
///
/// Each file is replaced atomically (a temp file in the same folder, then a rename), so a web server or a reader
/// of the share sees a page whole, old or new, never half-written. Consistency is per page, not per site: while
/// a publish runs, some pages may be new and others old. The order keeps links working meanwhile: changed
/// meeting pages are written first, then the pages that list them, and pages of deleted meetings are removed
/// last, after every page that linked to them has been rewritten. Only files whose bytes changed are written; a
/// file deleted by hand is written again. Files are written without an fsync each, then the file system is
/// synced once before the manifest is saved durably, so a crash mid-publish leaves a manifest that a rerun
/// corrects.
public enum SiteFolder {
    public static let manifestName = ".forumdesk-site.json"
    /// A published site is for everyone to read: 0644 files, 0755 folders.
    static let modes = FileModes(file: 0o644, folder: 0o755)

    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged = 0
        public var removed: [String] = []
    }

    public static func hash(_ bytes: [UInt8]) -> String { String(ContentHash.of(bytes), radix: 16) }

    /// The manifest of the folder: empty for a new or empty folder. A folder with files but no manifest is
    /// refused, so `publish` never writes into (or deletes from) a folder it did not make.
    public static func manifest(of folder: String, fs: FileSystem = PosixFileSystem()) throws(SiteError) -> SiteManifest
    {
        if fs.isSymbolicLink(folder) {
            throw SiteError(path: folder, reason: "is a symbolic link; give the real folder")
        }
        let status: FileStatus?
        do { status = try fs.status(folder) } catch { throw SiteError(path: folder, reason: error.reason) }
        guard let status else { return SiteManifest() }
        guard status.isDirectory else { throw SiteError(path: folder, reason: "is not a folder") }
        let path = folder + "/" + manifestName
        guard let bytes = try? fs.read(path) else {
            let names = (try? fs.list(folder)) ?? []
            if names.isEmpty { return SiteManifest() }
            throw SiteError(
                path: folder,
                reason:
                    "holds files but no \(manifestName): not a site ForumDesk published; give an empty or new folder")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(SiteManifest.self, from: Data(bytes))
        } catch {
            throw SiteError(
                path: path,
                reason: "cannot be read (\(error.localizedDescription)); delete the site folder and publish again")
        }
    }

    /// When `bytes` at `path` last changed: the manifest's time if they are what it recorded, else `now`.
    public static func changed(_ path: String, _ bytes: [UInt8], previous: SiteManifest, now: Date) -> Date {
        guard let old = previous.files[path], old.hash == hash(bytes) else { return now }
        return old.changed
    }

    /// Whether a relative path is one the site may hold: lower-case slugs, dots only before an extension, no
    /// hidden files, nothing that climbs out of the folder.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.first != "." && part.first != "-" && part != ".."
                    && part.utf8.allSatisfy {
                        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                    }
            }
    }

    /// Writes `files` into `folder`: changed and new files (meeting pages first), then deletes what the previous
    /// manifest listed and `files` no longer has, then saves the manifest. `now`: the change time of what changed.
    ///
    /// `keeping`: meetings whose files could not be read this time: the pages made from them alone stay as last
    /// published (neither removed nor rewritten), rather than vanish because a file was briefly unreadable.
    ///
    /// A publish killed part way is finished by the next one: before any file is written the manifest already
    /// lists it (with no hash, so it is written again), so the folder is never one "publish did not write", and
    /// temp files of dead runs are removed.
    public static func publish(
        _ files: [PublishedFile], to folder: String, previous: SiteManifest, now: Date,
        keeping: Set<String> = [], fs: FileSystem = PosixFileSystem()
    ) throws(SiteError) -> Report {
        var report = Report()
        var manifest = SiteManifest()
        let made = Set(files.map(\.path))
        for (path, entry) in previous.files where !made.contains(path) {
            if let own = entry.dependsOn.first, own.hasPrefix("meeting:"),
                keeping.contains(String(own.dropFirst("meeting:".count)))
            {
                manifest.files[path] = entry
            }
        }
        var pending: [PublishedFile] = []
        for file in files {
            guard isSafe(file.path) else {
                throw SiteError(path: file.path, reason: "not a safe path for a published file")
            }
            let hash = hash(file.bytes)
            let full = folder + "/" + file.path
            if let old = previous.files[file.path], old.hash == hash, (try? fs.status(full))??.size == file.bytes.count,
                !fs.isSymbolicLink(full)
            {
                manifest.files[file.path] = SiteManifest.Entry(
                    hash: hash, changed: old.changed, dependsOn: file.dependsOn)
                report.unchanged += 1
            } else {
                manifest.files[file.path] = SiteManifest.Entry(hash: hash, changed: now, dependsOn: file.dependsOn)
                pending.append(file)
            }
        }
        if !pending.isEmpty {
            // Every file about to be written is listed first: a kill from here on leaves a folder the next run knows.
            var journal = previous
            for file in pending where journal.files[file.path] == nil {
                journal.files[file.path] = SiteManifest.Entry(hash: "", changed: now, dependsOn: file.dependsOn)
            }
            if journal != previous || (try? fs.status(folder + "/" + manifestName)) ?? nil == nil {
                try saveManifest(journal, in: folder, fs: fs)
            }
        }
        // Pages a listing links to exist before the listing does.
        let order = { (path: String) -> Int in
            path.hasPrefix("meetings/") ? 0 : path.hasSuffix(".css") ? 1 : path.hasSuffix(".html") ? 2 : 3
        }
        for file in pending.sorted(by: { (order($0.path), $0.path) < (order($1.path), $1.path) }) {
            do {
                try DurableFile.write(file.bytes, to: folder + "/" + file.path, fs: fs, durable: false, modes: modes)
            } catch {
                throw SiteError(path: folder + "/" + file.path, reason: error.cause.reason)
            }
            report.written.append(file.path)
        }
        for path in previous.files.keys.sorted() where manifest.files[path] == nil && isSafe(path) {
            let full = folder + "/" + path
            if !fs.isSymbolicLink(full), (try? fs.status(full))??.isDirectory == false { fs.remove(full) }
            report.removed.append(path)
            // A year's folder left empty goes too.
            let parent = (full as NSString).deletingLastPathComponent
            if parent != folder, ((try? fs.list(parent)) ?? ["?"]).isEmpty { rmdir(parent) }
        }
        if !pending.isEmpty || !report.removed.isEmpty || previous != manifest {
            do { try fs.syncFileSystem(folder) } catch { throw SiteError(path: folder, reason: error.reason) }
            try saveManifest(manifest, in: folder, fs: fs)
        }
        return report
    }

    static func saveManifest(_ manifest: SiteManifest, in folder: String, fs: FileSystem) throws(SiteError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let bytes: [UInt8]
        do { bytes = Array(try encoder.encode(manifest)) } catch {
            throw SiteError(path: manifestName, reason: "\(error)")
        }
        do {
            try DurableFile.write(bytes, to: folder + "/" + manifestName, fs: fs, durable: true, modes: modes)
        } catch {
            throw SiteError(path: folder + "/" + manifestName, reason: error.cause.reason)
        }
    }

    /// Removes the temp files of runs that died (their pid is gone) from the site's folders.
    public static func removeAbandonedTempFiles(
        in folder: String, manifest: SiteManifest, fs: FileSystem = PosixFileSystem()
    ) -> Int {
        var folders: Set<String> = [folder]
        for path in manifest.files.keys where isSafe(path) {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                folders.insert(folder + "/" + parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        var removed = 0
        for dir in folders where !fs.isSymbolicLink(dir) {
            for name in (try? fs.list(dir)) ?? [] {
                guard let pid = DurableFile.tempFileOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
                else { continue }
                fs.remove(dir + "/" + name)
                removed += 1
            }
        }
        return removed
    }
}

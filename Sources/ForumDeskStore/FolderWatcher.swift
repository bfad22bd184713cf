#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reports files that change in a data folder, through Linux inotify: the top folder, `directory/`, `topics/`,
/// `meetings/` and each year's folder under it (new year folders are watched as they appear), and `.presence/`.
/// `changes()` never blocks; it returns the paths written, moved in or out, or deleted since the last call.
/// Where inotify is not available (another system, or no watches left) `isWorking` is false and callers poll.
/// Note that inotify sees only changes made through this machine's kernel: on a network share, another
/// machine's saves are not reported (use `forumdesk sync`, or reopen).
public final class FolderWatcher: @unchecked Sendable {
    let folder: DataFolder
    private var fd: Int32 = -1
    private var watches: [Int32: String] = [:]
    public var isWorking: Bool { fd >= 0 }

    public init(folder: DataFolder) {
        self.folder = folder
        #if os(Linux)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        for path in [
            folder.root, folder.path("directory"), folder.topicsFolder, folder.consultationsFolder,
            folder.meetingsFolder, folder.path(Presence.folderName),
        ] {
            watch(path)
        }
        for year in (try? FileManager.default.contentsOfDirectory(atPath: folder.meetingsFolder)) ?? []
        where !year.hasPrefix(".") {
            watch("\(folder.meetingsFolder)/\(year)")
        }
        #endif
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    private func watch(_ path: String) {
        #if os(Linux)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)
        let wd = inotify_add_watch(fd, path, mask)
        if wd >= 0 { watches[wd] = path }
        #endif
    }

    /// Paths changed since the last call (a folder's new entries included), without waiting.
    public func changes() -> [String] {
        guard fd >= 0 else { return [] }
        var paths: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(
                    buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                guard let dir = watches[wd], !name.isEmpty else { continue }
                let path = "\(dir)/\(name)"
                #if os(Linux)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watch(path)
                    // Files may have landed in it before the watch: report them too.
                    for file in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                        paths.append("\(path)/\(file)")
                    }
                    continue
                }
                #endif
                paths.append(path)
            }
        }
        return paths
    }
}

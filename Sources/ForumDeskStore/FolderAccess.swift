#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension DataStore {
    /// Why nothing could be saved in `folder` (it is missing, or this user may not write it), or nil when saves
    /// can go ahead. Asked once at start: the app then opens read-only and offers no editing form.
    public static func unwritableReason(_ folder: DataFolder) -> String? {
        var info = stat()
        guard stat(folder.root, &info) == 0 else { return "\(folder.root): \(String(cString: strerror(errno)))" }
        guard access(folder.root, W_OK) == 0 else { return "\(folder.root): \(String(cString: strerror(errno)))" }
        let meetings = folder.meetingsFolder
        if stat(meetings, &info) == 0, access(meetings, W_OK) != 0 {
            return "\(meetings): \(String(cString: strerror(errno)))"
        }
        return nil
    }
}

import Dispatch
import Foundation

/// Work over a long history on every core.
public enum Parallel {
    /// `work(i)` for each i in 0..<count, in order. Each core takes whole runs of indices, so no two write next
    /// to each other; a short list is done on the calling thread, where starting threads would cost more.
    public static func map<T: Sendable>(_ count: Int, minimumPerCore: Int = 512, _ work: @Sendable (Int) -> T) -> [T] {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 8, count / max(1, minimumPerCore))
        guard cores > 1 else { return (0..<count).map(work) }
        let chunks = cores * 4  // a few per core, so a slow chunk does not leave a core idle
        let parts = UnsafeMutableBufferPointer<[T]>.allocate(capacity: chunks)
        parts.initialize(repeating: [])
        defer {
            _ = parts.deinitialize()
            parts.deallocate()
        }
        nonisolated(unsafe) let slots = parts  // each chunk writes only its own slot
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            slots[c] = ((count * c / chunks)..<(count * (c + 1) / chunks)).map(work)
        }
        return Array(parts.joined())
    }
}

/// Work started on a thread of its own, its result waited for where it is needed (`value`).
public final class Pending<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        Thread { [self] in
            let made = work()
            condition.lock()
            result = made
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// The result if it is made already, without waiting.
    public var ready: T? {
        condition.lock()
        defer { condition.unlock() }
        return result
    }

    /// The result, waiting for it.
    public var value: T {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

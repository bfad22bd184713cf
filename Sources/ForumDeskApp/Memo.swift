import Foundation

/// Remembers the last value a screen derived from the data (a filtered, sorted table of every meeting or
/// action), so a key press that changes neither the data nor the filters redraws without deriving it again.
/// Screens are values copied on every event; the memo is shared by the copies, and its key says what the
/// value was derived from, so a stale value is never used.
final class Memo<Value>: @unchecked Sendable {
    private var key: String?
    private var value: Value?
    private let lock = NSLock()

    func get(_ key: String, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if key == self.key, let value { return value }
        let made = make()
        self.key = key
        value = made
        return made
    }

    /// The value kept and the key it was made for, to derive the next value from (a search narrowed by
    /// one more letter filters the last matches only).
    func last() -> (key: String, value: Value)? {
        lock.lock()
        defer { lock.unlock() }
        guard let key, let value else { return nil }
        return (key, value)
    }
}

extension Context {
    /// What a derived value depends on besides a screen's own state: the data and the clock to the minute.
    var memoKey: String { "\(generation)|\(Int(now.timeIntervalSinceReferenceDate / 60))|\(width)" }
}

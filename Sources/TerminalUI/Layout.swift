/// How much room one part of a split asks for.
public enum Constraint: Sendable, Equatable {
    case length(Int)
    case percentage(Int)
    /// At least this much; shares what is left with other `min` and `fill` parts.
    case min(Int)
    /// Takes a share of what is left.
    case fill
}

public enum Direction: Sendable { case vertical, horizontal }

/// Splits a rectangle into parts along one direction, as ratatui's Layout does.
public enum Layout {
    public static func split(
        _ rect: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0
    ) -> [Rect] {
        let total = (direction == .vertical ? rect.height : rect.width) - spacing * max(0, constraints.count - 1)
        var sizes = constraints.map { c -> Int in
            switch c {
            case .length(let n): Swift.max(0, n)
            case .percentage(let p): Swift.max(0, total * p / 100)
            case .min(let n): Swift.max(0, n)
            case .fill: 0
            }
        }
        let flexible = constraints.indices.filter {
            if case .min = constraints[$0] { return true }
            return constraints[$0] == .fill
        }
        var left = total - sizes.reduce(0, +)
        if left > 0, !flexible.isEmpty {
            for (n, i) in flexible.enumerated() {
                let share = left / (flexible.count - n)
                sizes[i] += share
                left -= share
            }
        }
        // Too little room: take it back from the last parts first.
        var excess = sizes.reduce(0, +) - Swift.max(0, total)
        for i in sizes.indices.reversed() where excess > 0 {
            let cut = Swift.min(sizes[i], excess)
            sizes[i] -= cut
            excess -= cut
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size + spacing }
            return direction == .vertical
                ? Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
                : Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
        }
    }
}

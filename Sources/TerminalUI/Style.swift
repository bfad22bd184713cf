/// The eight ANSI colours plus the terminal's own default, which keeps the user's theme.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let reverse = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
    public static let bold = Style(attributes: .bold)
    public static let dim = Style(attributes: .dim)
    public static let reverse = Style(attributes: .reverse)
    public static let underline = Style(attributes: .underline)

    public func with(_ extra: Attributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(extra))
    }
}

/// The app's colours by meaning, so screens say "warning", not "yellow". Each carries an attribute too,
/// so it still reads on a monochrome terminal or with NO_COLOR.
public enum Theme {
    public static let title = Style(foreground: .cyan, attributes: .bold)
    public static let header = Style(attributes: [.bold, .underline])
    public static let selected = Style(attributes: .reverse)
    public static let warning = Style(foreground: .yellow, attributes: .bold)
    public static let error = Style(foreground: .red, attributes: .bold)
    public static let good = Style(foreground: .green)
    public static let muted = Style(attributes: .dim)
    public static let key = Style(foreground: .cyan, attributes: .bold)
    public static let bar = Style(attributes: .reverse)
    public static let activeTab = Style(foreground: .cyan, attributes: [.bold, .reverse])
}

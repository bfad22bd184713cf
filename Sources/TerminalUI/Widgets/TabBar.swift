/// Something shown as one tab of a `TabBar`: the cases of an enum, in order.
public protocol TabItem: CaseIterable, Hashable, Sendable
where AllCases: RandomAccessCollection, AllCases.Index == Int {
    var title: String { get }
}

/// A tabbed screen's row of tabs and which is selected (as ratatui's `Tabs` with its state): moving to the
/// next and previous tab, finding the tab under a click and drawing, the same for every tabbed screen.
public struct TabBar<Tab: TabItem>: Sendable, Hashable {
    public var selected: Tab

    public init(_ selected: Tab) { self.selected = selected }

    var index: Int { Tab.allCases.firstIndex(of: selected) ?? 0 }

    /// The next tab, after the last the first.
    public mutating func next() { selected = Tab.allCases[(index + 1) % Tab.allCases.count] }

    /// The previous tab, before the first the last.
    public mutating func previous() { selected = Tab.allCases[(index + Tab.allCases.count - 1) % Tab.allCases.count] }

    /// The tabs as drawn: each tab's title unless `titles` gives others (with counts, say), one per tab.
    func tabs(_ titles: [String]?) -> Tabs { Tabs(titles: titles ?? Tab.allCases.map(\.title), selected: index) }

    /// The tab drawn at column `x` of `rect`, if any.
    public func tab(atX x: Int, in rect: Rect, titles: [String]? = nil) -> Tab? {
        tabs(titles).tab(atX: x, in: rect).map { Tab.allCases[$0] }
    }

    /// Selects the tab a press on the bar's row falls on. Returns whether the event was on the bar's row.
    public mutating func click(_ mouse: MouseEvent, in rect: Rect, titles: [String]? = nil) -> Bool {
        guard mouse.y == rect.y, mouse.kind == .press else { return false }
        if let tab = tab(atX: mouse.x, in: rect, titles: titles) { selected = tab }
        return true
    }

    public func render(in rect: Rect, into buffer: inout Buffer, titles: [String]? = nil) {
        tabs(titles).render(in: rect, into: &buffer)
    }
}

import Foundation

/// What a councillor's briefing holds (`forumdesk brief`): their wards' meetings in the coming weeks, the notices
/// still waiting for their reply, and the open actions raised at meetings covering their wards. Pure.
public enum BriefingRules {
    public struct Briefing: Sendable, Equatable {
        public var councillor: Person
        /// Meetings covering any of their wards that start from `now` to `now + weeks`, not cancelled, by start.
        public var meetings: [Meeting]
        /// Meetings to come (any distance ahead) whose notice to them is current and has no reply (`notified`).
        public var awaitingReply: [Meeting]
        /// Open actions (not done, not dropped) of any meeting covering their wards, by due date (none last).
        public var actions: [RaisedAction]
    }

    /// The briefing of one councillor at `now`, looking `weeks` weeks ahead.
    public static func briefing(for councillor: Person, meetings: [Meeting], now: Date, weeks: Int) -> Briefing {
        let wards = Set(councillor.wards)
        let horizon = now.addingTimeInterval(Double(weeks) * 7 * 86_400)
        let theirs = meetings.filter { !wards.isDisjoint(with: $0.wards) }.sorted {
            ($0.start, $0.id) < ($1.start, $1.id)
        }
        let coming = theirs.filter { $0.start >= now && $0.status != .cancelled }
        let awaiting = coming.filter { NotificationRules.state(ofCouncillor: councillor.id, for: $0) == .notified }
        let actions = ActionRules.positions(in: theirs) { $0.status.isOpen }
            .map { RaisedAction(meeting: theirs[$0.meeting], action: theirs[$0]) }
            .sorted {
                ($0.action.due?.daysSinceEpoch ?? Int.max, $0.action.id) < (
                    $1.action.due?.daysSinceEpoch ?? Int.max, $1.action.id
                )
            }
        return Briefing(
            councillor: councillor, meetings: coming.filter { $0.start < horizon }, awaitingReply: awaiting,
            actions: actions)
    }
}

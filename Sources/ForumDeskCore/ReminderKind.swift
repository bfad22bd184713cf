/// What an e-mail recorded on an action (`"reminders"`) was: a reminder (`forumdesk remind`'s digest, the default,
/// not written) or the "action raised" e-mail that first told its owner (`"kind": "raised"`).
public enum ReminderKind: String, ModelEnum {
    case reminder, raised
    public var label: String { self == .raised ? "action raised" : "reminder" }
}

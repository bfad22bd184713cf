import Foundation

/// Settings of this user on this machine, never of the shared data folder: the programs ForumDesk runs. What
/// arrives in the data folder was written by someone else (a teammate's commit, anyone who can write the shared
/// drive), so a program named there is never run: `"sendmail"` in `forumdesk.json` is ignored with a warning.
///
/// The file is JSON, `{"sendmail": ["msmtp", "-a", "m365", "-t", "--read-envelope-from"]}`, read from the first
/// that exists of: `$FORUMDESK_CONFIG`; `$XDG_CONFIG_HOME/forumdesk/config.json` (else
/// `~/.config/forumdesk/config.json`); `/etc/forumdesk/config.json` (the machine's, for every user).
public struct MachineSettings: Sendable, Equatable {
    /// The sendmail-compatible program and its arguments, run without a shell; empty: `Settings.defaultSendmail`.
    public var sendmail: [String] = []
    /// The file the settings came from, nil when none exists.
    public var source: String?

    public init(sendmail: [String] = [], source: String? = nil) {
        self.sendmail = sendmail
        self.source = source
    }

    public var sendmailCommand: [String] { sendmail.isEmpty ? Settings.defaultSendmail : sendmail }

    /// The files looked at, in order.
    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let explicit = environment["FORUMDESK_CONFIG"], !explicit.isEmpty { return [explicit] }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            paths.append(xdg + "/forumdesk/config.json")
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(home + "/.config/forumdesk/config.json")
        }
        paths.append("/etc/forumdesk/config.json")
        return paths
    }

    /// The settings, or a problem (file and reason) when the file that exists cannot be read.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<MachineSettings, Problem> {
        for path in candidates(environment: environment) {
            guard (try? PosixFileSystem().status(path)) != nil else { continue }
            let bytes: [UInt8]
            do {
                bytes = try PosixFileSystem().read(path)
            } catch {
                return .failure(Problem(Diagnostic(path: path, position: nil, message: "cannot read: \(error.reason)")))
            }
            do {
                let node = try JSONParser.parse(bytes)
                var reader = try FieldReader(node, what: "ForumDesk's configuration")
                let settings = MachineSettings(sendmail: try reader.strings("sendmail"), source: path)
                return .success(settings)
            } catch let error as JSONSyntaxError {
                return .failure(Problem(Diagnostic(path: path, position: error.position, message: error.reason)))
            } catch let error as DecodeError {
                return .failure(Problem(Diagnostic(path: path, position: error.position, message: error.reason)))
            } catch {
                return .failure(Problem(Diagnostic(path: path, position: nil, message: "\(error)")))
            }
        }
        return .success(MachineSettings())
    }

    /// A configuration file that exists but cannot be read (file, line, reason).
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
        public var description: String { diagnostic.description }
    }

    /// The warning for a folder whose settings name a program, or nil.
    public static func ignoredWarning(_ settings: Settings) -> String? {
        guard !settings.sendmail.isEmpty else { return nil }
        return
            "forumdesk.json names a mail program (\"sendmail\": \(settings.sendmail.joined(separator: " "))), which is ignored: "
            + "the data folder is shared, so ForumDesk runs only programs named in this machine's configuration "
            + "(\(candidates().first ?? "~/.config/forumdesk/config.json")); move the setting there"
    }
}

import ForumDeskCore

extension Codec {
    /// A meeting's `"online"`: `{"kind": "teams", "url": "https://…", "dialIn": "…", "instructions": "…",
    /// "published": false, "onlineOnly": false}`. A link that is not `https://` or `tel:` is kept as written and
    /// reported by `validate`; it never reaches a notice, a calendar or the public page (`OnlineJoining.link`).
    static func onlineJoining(_ node: JSONNode) throws(DecodeError) -> OnlineJoining {
        var r = try FieldReader(node, what: "the online joining details")
        var o = OnlineJoining(kind: try r.choice("kind", JoiningKind.self))
        o.url = try r.optionalString("url")
        o.dialIn = try r.optionalString("dialIn")
        o.instructions = try r.optionalString("instructions")
        o.published = try r.bool("published", default: false)
        o.onlineOnly = try r.bool("onlineOnly", default: false)
        o.extra = r.unknownFields
        return o
    }

    static func encode(_ o: OnlineJoining) -> OrderedJSON {
        var w = FieldWriter()
        w.set("kind", o.kind)
        w.optional("url", o.url)
        w.optional("dialIn", o.dialIn)
        w.optional("instructions", o.instructions)
        w.set("published", o.published)
        if o.onlineOnly { w.set("onlineOnly", true) }
        return w.finish(o.extra)
    }
}

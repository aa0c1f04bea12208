import Foundation
import StorageSQL

/// A PostgreSQL database for a sandbox's authorities (issue item 1: PostgreSQL for several nodes):
/// the STI-PA, STI-CA and STI-SCA each in a schema of their own, `<prefix>_pa`, `<prefix>_ca` and
/// `<prefix>_sca`, on the database the URL names.
///
/// The data directory records the choice (`sandbox.json`), so later starts resume on it. Two URLs name
/// the same database when they agree on the server (scheme, host, port) and the database, whatever
/// their user, password or options; the prefix must match too.
public struct SandboxDatabase: Hashable, Sendable, Codable {
    /// The schema prefix used when none is given.
    public static let defaultSchemaPrefix = "shaken"

    /// `postgres://user:password@host:port/database` (`?sslmode=require` for TLS).
    public var url: String
    /// The prefix of the three schema names.
    public var schemaPrefix: String

    /// Creates a database choice.
    public init(url: String, schemaPrefix: String = SandboxDatabase.defaultSchemaPrefix) {
        self.url = url
        self.schemaPrefix = schemaPrefix
    }

    /// The STI-PA's schema.
    public var policyAdministratorSchema: String { schemaPrefix + "_pa" }
    /// The STI-CA's schema.
    public var certificationAuthoritySchema: String { schemaPrefix + "_ca" }
    /// The STI-SCA's schema.
    public var subordinateAuthoritySchema: String { schemaPrefix + "_sca" }
    /// The three schemas: STI-PA, STI-CA, STI-SCA.
    public var schemas: [String] { [policyAdministratorSchema, certificationAuthoritySchema, subordinateAuthoritySchema] }

    /// The URL without its password (and without its query), for messages and `endpoints.json`.
    ///
    /// - Throws: ``AppError/Code/configuration`` when the URL is not a PostgreSQL URL.
    public func location() throws(AppError) -> String {
        var components = try parsed()
        components.password = nil
        components.query = nil
        guard let text = components.string else { throw Self.invalid(url) }
        return text
    }

    /// Checks the URL's form, and the prefix and the schema names it gives against the rules of
    /// ``StorageConfiguration/validatePostgresSchema(_:)`` (so the prefix is not empty either).
    ///
    /// - Throws: ``AppError/Code/configuration``.
    public func validate() throws(AppError) {
        _ = try parsed()
        for schema in [schemaPrefix] + schemas {
            do {
                try StorageConfiguration.validatePostgresSchema(schema)
            } catch {
                throw AppError(.configuration, "the schema prefix \(schemaPrefix.debugDescription) gives an unusable schema name: \(error.reason)")
            }
        }
    }

    /// Whether `other` names the same server, database and schemas (credentials and options may differ).
    public func isSameDatabase(as other: SandboxDatabase) throws(AppError) -> Bool {
        try identity() == other.identity() && schemaPrefix == other.schemaPrefix
    }

    /// The key of the sandbox's advisory lock on the database is derived from this name.
    var lockName: String { "shaken sandbox: " + schemas.joined(separator: ",") }

    /// Scheme (`postgres` for its TCP aliases), host (lower case), port (5432 by default), path and
    /// fragment (the database of a `postgres+uds` URL).
    private func identity() throws(AppError) -> [String] {
        let components = try parsed()
        let scheme = components.scheme ?? ""
        let tcp = ["postgres", "postgresql", "postgres+tcp", "postgresql+tcp"].contains(scheme)
        return [
            tcp ? "postgres" : scheme, components.host?.lowercased() ?? "", String(components.port ?? (tcp ? 5432 : 0)),
            components.path, components.fragment ?? "",
        ]
    }

    /// The URL's parts, in the forms PostgresKit accepts: a user, and a host (TCP) or a socket path (`+uds`).
    private func parsed() throws(AppError) -> URLComponents {
        guard let components = URLComponents(string: url), let scheme = components.scheme, components.user.map({ !$0.isEmpty }) ?? false else {
            throw Self.invalid(url)
        }
        switch scheme {
        case "postgres", "postgresql", "postgres+tcp", "postgresql+tcp":
            guard components.host.map({ !$0.isEmpty }) ?? false else { throw Self.invalid(url) }
        case "postgres+uds", "postgresql+uds":
            guard components.path.count > 1 else { throw Self.invalid(url) }
        default:
            throw Self.invalid(url)
        }
        return components
    }

    private static func invalid(_ url: String) -> AppError {
        let shown = URLComponents(string: url).map { components -> String in
            var redacted = components
            redacted.password = nil
            return redacted.string ?? "the given URL"
        } ?? "the given URL"
        return AppError(.configuration, "\(shown) is not a PostgreSQL URL: use postgres://user:password@host:port/database")
    }
}

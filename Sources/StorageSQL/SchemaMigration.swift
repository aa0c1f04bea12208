/// One versioned step of the schema, applied once and recorded in `schema_migrations`.
///
/// The statements are the same for both engines except where ``SQLDialectProfile`` supplies a type or
/// key; each uses `IF NOT EXISTS` so that a step interrupted before its record is still safe to rerun.
struct SchemaMigration: Sendable {
    /// Strictly increasing version.
    let version: Int64
    /// A short description, stored with the version.
    let name: String
    /// The DDL for an engine.
    let statements: @Sendable (SQLDialectProfile) -> [String]

    /// Every migration, oldest first.
    static let all: [SchemaMigration] = [.acmeCore, .policyAdministration, .spcaProxy]
}

using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// A flat, comparable description of a database schema, built by replaying migration operations:
/// tables, columns (type, nullability, length, precision, identity), primary keys, foreign keys and indexes.
/// </summary>
public sealed class SchemaDescription
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _columns = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _constraints = new(StringComparer.Ordinal);

    public void Apply(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation table:
                _columns[table.Name] = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var column in table.Columns)
                {
                    _columns[table.Name][column.Name] = Describe(column);
                }
                if (table.PrimaryKey is not null)
                {
                    Apply(table.PrimaryKey);
                }
                foreach (var foreignKey in table.ForeignKeys)
                {
                    Apply(foreignKey);
                }
                foreach (var unique in table.UniqueConstraints)
                {
                    _constraints.Add($"{table.Name} UNIQUE {unique.Name} ({string.Join(",", unique.Columns)})");
                }
                break;
            case AddColumnOperation column:
                _columns[column.Table][column.Name] = Describe(column);
                break;
            case AlterColumnOperation column:
                _columns[column.Table][column.Name] = Describe(column);
                break;
            case DropColumnOperation column:
                _columns[column.Table].Remove(column.Name);
                break;
            case RenameColumnOperation rename:
                _columns[rename.Table][rename.NewName] = _columns[rename.Table][rename.Name];
                _columns[rename.Table].Remove(rename.Name);
                break;
            case DropTableOperation drop:
                _columns.Remove(drop.Name);
                _constraints.RemoveWhere(c => c.StartsWith(drop.Name + " ", StringComparison.Ordinal));
                break;
            case AddPrimaryKeyOperation key:
                _constraints.Add($"{key.Table} PK {key.Name} ({string.Join(",", key.Columns)})");
                break;
            case AddForeignKeyOperation key:
                _constraints.Add($"{key.Table} FK {key.Name} ({string.Join(",", key.Columns)}) -> {key.PrincipalTable} ({string.Join(",", key.PrincipalColumns ?? [])}) on delete {key.OnDelete}");
                break;
            case DropForeignKeyOperation key:
                _constraints.RemoveWhere(c => c.StartsWith($"{key.Table} FK {key.Name} ", StringComparison.Ordinal));
                break;
            case CreateIndexOperation index:
                _constraints.Add($"{index.Table} INDEX {index.Name} ({string.Join(",", index.Columns)}){(index.IsUnique ? " unique" : "")}{(index.Filter is null ? "" : " where " + index.Filter)}");
                break;
            case DropIndexOperation index:
                _constraints.RemoveWhere(c => c.StartsWith($"{index.Table} INDEX {index.Name} ", StringComparison.Ordinal));
                break;
            case SqlOperation or InsertDataOperation or UpdateDataOperation or DeleteDataOperation:
                break;
            default:
                throw new NotSupportedException($"The drift check does not know {operation.GetType().Name}: teach SchemaDescription.Apply about it.");
        }
    }

    private static string Describe(ColumnOperation column)
    {
        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        var identity = column.FindAnnotation("Sqlite:Autoincrement")?.Value is true
                       || column.FindAnnotation("Npgsql:ValueGenerationStrategy")?.Value?.ToString() == "IdentityByDefaultColumn";
        return $"{type.Name}{(column.IsNullable ? " null" : " not null")}"
               + (column.MaxLength is { } length ? $" max {length}" : "")
               + (column.Precision is { } precision ? $" precision {precision},{column.Scale}" : "")
               + (identity ? " identity" : "");
    }

    public override string ToString()
    {
        var lines = new List<string>();
        foreach (var (table, columns) in _columns)
        {
            lines.AddRange(columns.Select(c => $"{table}.{c.Key}: {c.Value}"));
        }
        lines.AddRange(_constraints);
        return string.Join("\n", lines);
    }
}

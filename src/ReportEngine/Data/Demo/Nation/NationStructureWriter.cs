using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>The localities (valid from the reform, none merged or ended) and the organisations registered in them.</summary>
internal static class NationStructureWriter
{
    public static long WriteLocalities(NpgsqlConnection connection, IReadOnlyList<NationLocality> localities)
    {
        using var copy = connection.BeginBinaryImport(
            "COPY localities (id, code, name, level, unit_type, parent_id, valid_from) FROM STDIN (FORMAT BINARY)");
        foreach (var l in localities)
        {
            copy.StartRow();
            copy.Write((long)l.Id, NpgsqlDbType.Bigint);
            copy.Write(l.Code, NpgsqlDbType.Text);
            copy.Write(l.Name, NpgsqlDbType.Text);
            copy.Write(l.Level, NpgsqlDbType.Text);
            copy.Write(l.UnitType, NpgsqlDbType.Text);
            if (l.Parent is { } parent)
            {
                copy.Write((long)parent.Id, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }

            copy.Write(NationProvinces.ReformDate, NpgsqlDbType.Text);
        }

        copy.Complete();
        return localities.Count;
    }

    public static long WriteOrganizations(NpgsqlConnection connection, IReadOnlyList<NationOrganization> organizations)
    {
        using var copy = connection.BeginBinaryImport(
            "COPY organizations (id, code, name, scope, kind, field, locality_id, founded_on, dissolved_on) FROM STDIN (FORMAT BINARY)");
        foreach (var o in organizations)
        {
            copy.StartRow();
            copy.Write((long)o.Id, NpgsqlDbType.Bigint);
            copy.Write(o.Code, NpgsqlDbType.Text);
            copy.Write(o.Name, NpgsqlDbType.Text);
            copy.Write(o.Scope, NpgsqlDbType.Text);
            copy.Write(o.Kind, NpgsqlDbType.Text);
            copy.Write(o.Field, NpgsqlDbType.Text);
            copy.Write((long)o.Locality.Id, NpgsqlDbType.Bigint);
            copy.Write(NationCalendar.Text(o.FoundedOn), NpgsqlDbType.Text);
            if (o.DissolvedOn is { } dissolved)
            {
                copy.Write(NationCalendar.Text(dissolved), NpgsqlDbType.Text);
            }
            else
            {
                copy.WriteNull();
            }
        }

        copy.Complete();
        return organizations.Count;
    }
}

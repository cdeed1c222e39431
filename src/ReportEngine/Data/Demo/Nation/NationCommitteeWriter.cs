using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// A Party Standing Committee for every province and commune-level unit (3,355: a burst over all of
/// them is the nation's reports), reading Vietnamese except about one in a hundred reading English
/// and one in two hundred Polish; what they print as Party documents (Guidance 36-HD/VPTW); recipients
/// only at the reserved example.org domain, a province also copying its Mass Mobilisation Commission.
/// </summary>
internal static class NationCommitteeWriter
{
    private const int Stream = 4;

    private static readonly string[] Signers =
    [
        "Nguyễn Văn Hòa", "Trần Thị Thu Hà", "Lê Quang Minh", "Phạm Thị Lan", "Hoàng Văn Dũng",
        "Võ Thị Hồng", "Đặng Văn Phúc", "Bùi Thị Mai", "Huỳnh Văn Tâm", "Ngô Thị Thanh",
    ];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <returns>Committees and recipients written.</returns>
    public static (long Committees, long Recipients) Write(NpgsqlConnection connection, IReadOnlyList<NationLocality> localities, int seed)
    {
        using (var copy = connection.BeginBinaryImport(
            "COPY committees (id, code, name, locality_id, language, issuing_body, body_symbol, signer_authority, signer_position, signer_name, place) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in localities)
            {
                var random = NationSeed.For(seed, Stream, l.Id);
                var pick = random.NextDouble();
                var language = pick < 0.01 ? "en" : pick < 0.015 ? "pl" : "vi";
                var isProvince = l.Level == "province";
                var word = l.UnitType == "city" ? "Thành ủy" : "Tỉnh ủy";
                copy.StartRow();
                copy.Write((long)l.Id, NpgsqlDbType.Bigint);
                copy.Write(l.Code, NpgsqlDbType.Text);
                copy.Write(isProvince ? $"Ban Thường vụ {word} {l.Name}" : $"Ban Thường vụ Đảng ủy {l.TitledName}", NpgsqlDbType.Text);
                copy.Write((long)l.Id, NpgsqlDbType.Bigint);
                copy.Write(language, NpgsqlDbType.Text);
                copy.Write(isProvince ? Upper($"{word} {l.Name}") : Upper($"Đảng bộ {l.Province.TitledName}\nĐảng ủy {l.TitledName}"), NpgsqlDbType.Text);
                copy.Write(isProvince ? (l.UnitType == "city" ? "ThU" : "TU") : "ĐU", NpgsqlDbType.Text);
                copy.Write("T/M BAN THƯỜNG VỤ", NpgsqlDbType.Text);
                copy.Write("PHÓ BÍ THƯ", NpgsqlDbType.Text);
                copy.Write(Signers[random.Next(Signers.Length)], NpgsqlDbType.Text);
                copy.Write(l.Name, NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        long recipients = 0;
        using (var copy = connection.BeginBinaryImport("COPY committee_recipients (committee_id, address, role) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in localities)
            {
                recipients += Recipient(copy, l.Id, $"{l.Code}@example.org", "to");
                if (l.Level == "province")
                {
                    recipients += Recipient(copy, l.Id, $"dan-van.{l.Code}@example.org", "cc");
                }
            }

            copy.Complete();
        }

        return (localities.Count, recipients);
    }

    private static int Recipient(NpgsqlBinaryImporter copy, int committee, string address, string role)
    {
        copy.StartRow();
        copy.Write((long)committee, NpgsqlDbType.Bigint);
        copy.Write(address, NpgsqlDbType.Text);
        copy.Write(role, NpgsqlDbType.Text);
        return 1;
    }

    private static string Upper(string text) => text.ToUpper(Vietnamese);
}

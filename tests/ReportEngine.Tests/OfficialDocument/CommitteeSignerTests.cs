using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Tests.Delivery;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>A committee's Party-document fields (migration 0010) are set by the committees verb and the CSV import, and read back.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class CommitteeSignerTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Committees_set_stores_the_signer_and_keeps_what_it_is_not_given()
    {
        using var world = new DeliveryWorld(fixture);
        var settings = DeliveryWorld.Settings();
        var (code, output) = await world.Cli(settings, "committees", "set", "phu-quy",
            "--issuing-body", "ĐẢNG BỘ TỈNH BÌNH THUẬN\\nHUYỆN ỦY PHÚ QUÝ", "--signer-name", "Lê Văn Thử", "--place", "Phú Quý");
        Assert.True(code == 0, output);
        (code, output) = await world.Cli(settings, "committees", "set", "phu-quy", "--signer-position", "BÍ THƯ");
        Assert.True(code == 0, output);

        var signer = new CommitteeStore(world.Database).Find("phu-quy")!.Signer;
        Assert.Equal(("ĐẢNG BỘ TỈNH BÌNH THUẬN\nHUYỆN ỦY PHÚ QUÝ", "Lê Văn Thử", "Phú Quý", "BÍ THƯ"),
            (signer.IssuingBody, signer.SignerName, signer.Place, signer.SignerPosition));
    }

    [Fact]
    public async Task The_committees_csv_carries_the_signer_columns_and_refuses_a_bad_symbol()
    {
        using var world = new DeliveryWorld(fixture);
        var settings = DeliveryWorld.Settings();
        var file = world.File("committees.csv");
        File.WriteAllText(file, "code,name,locality,issuing_body,body_symbol,signer_authority,signer_position,signer_name,place\n" +
            "la-gi,Ban Thường vụ Thị ủy La Gi,la-gi,THỊ ỦY LA GI,TU,T/M BAN THƯỜNG VỤ,PHÓ BÍ THƯ,Trần Văn Mẫu,La Gi\n");
        var (code, output) = await world.Cli(settings, "committees", "import", file);
        Assert.True(code == 0, output);
        var signer = new CommitteeStore(world.Database).Find("la-gi")!.Signer;
        Assert.Equal(new CommitteeSigner("THỊ ỦY LA GI", "TU", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Mẫu", "La Gi"), signer);

        File.WriteAllText(file, "code,locality,body_symbol\nla-gi,la-gi,T U/x\n");
        (code, output) = await world.Cli(settings, "committees", "import", file);
        Assert.Equal(1, code);
        Assert.Contains("body_symbol", output, StringComparison.Ordinal);
    }
}

namespace Ntm.Jobs.Tests.Cli;

/// <summary>A name or code that means different units over the months asked is refused with the candidates; a code with its generation is one unit.</summary>
public sealed class AreaWindowTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string home;

    public AreaWindowTests()
    {
        home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Ninh_Kieu_across_2025_is_a_usage_error_listing_the_district_and_the_ward()
    {
        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "Ninh Kiều", "--from", "2024-01", "--to", "2025-12");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--area 'Ninh Kiều' ứng với 2 đơn vị khác nhau trong các tháng 2024-01–2025-12", result.Error);
        Assert.Contains("Quận Ninh Kiều (mã 916, đến 30/06/2025): --area 'Quận Ninh Kiều'", result.Error);
        Assert.Contains("Phường Ninh Kiều (mã ", result.Error);
        Assert.Contains("từ 01/07/2025): --area 'Phường Ninh Kiều'", result.Error);

        // Within one generation's months the name is one unit; the ward's own name is one unit over both.
        Assert.Equal(0, CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "Ninh Kiều", "--from", "2024-01", "--to", "2024-12", "--format", "csv").ExitCode);
        Assert.Equal(0, CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "Phường Ninh Kiều", "--from", "2024-01", "--to", "2025-12", "--format", "csv").ExitCode);
    }

    [Fact]
    public void A_code_of_both_maps_is_named_with_its_generation()
    {
        var ambiguous = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "92", "--from", "2025-01", "--to", "2025-12");
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("--area '92@2025-03'", ambiguous.Error);
        Assert.Contains("--area '92@2025-07'", ambiguous.Error);

        var old = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "92@2025-03", "--from", "2025-01", "--to", "2025-12", "--format", "csv");
        Assert.Equal(0, old.ExitCode);
        // The old city ceased on 2025-06-30: answered to June, saying it went into the new city.
        Assert.Contains("đã sáp nhập vào Thành phố Cần Thơ từ 01/07/2025", old.Error);
        Assert.Equal(2, CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "92@2024-01").ExitCode);
    }
}

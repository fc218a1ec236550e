using Dapper;
using Ntm.Warehouse.Queries;

namespace Ntm.Warehouse.Tests.ReferenceData;

public sealed class ReferenceDataLoaderTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private WarehouseHome Home => new(directory.File("home"));

    [Fact]
    public void Init_loads_both_generations_and_a_second_init_changes_nothing()
    {
        var first = new WarehouseInitializer(TimeProvider.System).Initialize(Home);
        Assert.True(first.ReferenceData.Loaded);
        var second = new WarehouseInitializer(TimeProvider.System).Initialize(Home);
        Assert.False(second.ReferenceData.Loaded);

        using var connection = new WarehouseDatabase(Home.WarehouseFile).OpenReadOnly();
        var counts = connection.Query<(string Level, DateTime ValidFrom, long Count)>(
            "SELECT level, valid_from, count(*) FROM v_area GROUP BY ALL ORDER BY ALL").ToList();
        Assert.Equal(5, counts.Count);
        Assert.Contains(("province", new DateTime(2025, 7, 1), 34L), counts);
        Assert.Contains(("commune", new DateTime(2000, 1, 1), 10_035L), counts);
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM v_area WHERE valid_to IS NULL AND valid_from < DATE '2025-07-01'"));
        Assert.Equal(63, connection.ExecuteScalar<int>("SELECT count(DISTINCT old_code) FROM v_area_crosswalk WHERE length(old_code) = 2"));
    }

    [Fact]
    public void A_reference_file_added_to_the_home_is_loaded_by_the_next_init()
    {
        new WarehouseInitializer(TimeProvider.System).Initialize(Home);
        Directory.CreateDirectory(Path.Combine(Home.Reference, "area_segments"));
        File.WriteAllText(Path.Combine(Home.Reference, "area_segments", "dbkk.csv"), """
            area_code,generation,segment_kind,segment_value,valid_from_year,valid_to_year,source
            31000,2025-03,especially_disadvantaged,true,2021,2025,Quyết định 861/QĐ-TTg (ví dụ kiểm thử)
            """);
        Assert.True(new WarehouseInitializer(TimeProvider.System).Initialize(Home).ReferenceData.Loaded);
        using var connection = new WarehouseDatabase(Home.WarehouseFile).OpenReadOnly();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM area_segment WHERE segment_kind = 'especially_disadvantaged'"));
    }

    [Fact]
    public void A_broken_reference_file_fails_init_and_leaves_the_loaded_data_as_it_was()
    {
        new WarehouseInitializer(TimeProvider.System).Initialize(Home);
        Directory.CreateDirectory(Path.Combine(Home.Reference, "targets"));
        File.WriteAllText(Path.Combine(Home.Reference, "targets", "bad.csv"), "area_code,generation,year,indicator_code,comparator,value,source\n93,2025-03,2024,bhyt.coverage,>=,nhiều,x\n");
        var error = Assert.Throws<Ntm.Warehouse.ReferenceData.ReferenceDataException>(() => new WarehouseInitializer(TimeProvider.System).Initialize(Home));
        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        using var connection = new WarehouseDatabase(Home.WarehouseFile).OpenReadOnly();
        Assert.Equal(14_149, connection.ExecuteScalar<int>("SELECT count(*) FROM dim_area"));
    }

    [Theory]
    [InlineData("reporting_duties", "data_set,level,name_vi,indicators,deadline_day,from,to,province_code,source\ndisease_monthly,commune,Báo cáo xã,disease.dengue.cases,,2024-01,,,x\n", "hai dòng có thời gian trùng nhau")]
    [InlineData("reporting_duties", "data_set,level,name_vi,indicators,deadline_day,from,to,province_code,source\ntb,district,Lao,tb.detected.total,,2024-06,2024-01,,x\n", "tháng kết thúc (to) trước tháng bắt đầu")]
    [InlineData("reporting_duties", "data_set,level,name_vi,indicators,deadline_day,from,to,province_code,source\ntb,village,Lao,tb.detected.total,,2024-01,,,x\n", "cấp 'village' không có")]
    [InlineData("reporting_duties", "data_set,level,name_vi,indicators,deadline_day,from,to,province_code,source\ntb,district,Lao,tb.detected.total,,,,,x\n", "thiếu tháng bắt đầu")]
    [InlineData("validation_rules", "rule_id,left,operator,right,severity,levels,measures,kind,message_vi,source\nx,*,>=,0,error,,month,counts,m,x\n", "loại chỉ tiêu (kind) 'counts'")]
    [InlineData("validation_rules", "rule_id,left,operator,right,severity,levels,measures,kind,message_vi,source\nx,disease.dengue.death,<=,disease.dengue.cases,error,,month,,m,x\n", "chỉ tiêu 'disease.dengue.death'")]
    [InlineData("validation_rules", "rule_id,left,operator,right,severity,levels,measures,kind,message_vi,source\nx,disease.dengue.deaths,=<,disease.dengue.cases,error,,month,,m,x\n", "toán tử '=<'")]
    [InlineData("consistency_checks", "check_id,kind,first,second,tolerance,name_vi,source\nx,dropout,epi.penta1,,,Bỏ cuộc,x\n", "dropout cần hai chỉ tiêu")]
    [InlineData("consistency_checks", "check_id,kind,first,second,tolerance,name_vi,source\nx,over_time,epi.penta3,,,Theo thời gian,x\n", "over_time cần tolerance")]
    public void A_quality_reference_file_written_wrong_stops_init_with_the_file_and_the_row(string dataset, string text, string expected)
    {
        new WarehouseInitializer(TimeProvider.System).Initialize(Home);
        Directory.CreateDirectory(Path.Combine(Home.Reference, dataset));
        File.WriteAllText(Path.Combine(Home.Reference, dataset, "tinh.csv"), text);
        var error = Assert.Throws<Ntm.Warehouse.ReferenceData.ReferenceDataException>(() => new WarehouseInitializer(TimeProvider.System).Initialize(Home));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(dataset, error.Message, StringComparison.Ordinal);
        using var connection = new WarehouseDatabase(Home.WarehouseFile).OpenReadOnly();
        Assert.Equal(7, connection.ExecuteScalar<int>("SELECT count(*) FROM reporting_duty"));
    }
}

using Ntm.Domain.Areas;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Tests.ReferenceData;

/// <summary>The built-in reference data, built once for the tests that read it.</summary>
public sealed class ReferenceCatalogs
{
    public ReferenceCatalogs()
    {
        Files = ReferenceFiles.Load();
        Areas = AreaCatalog.Build(Files);
        Indicators = IndicatorCatalog.Build(Files);
        Criteria = CriteriaCatalog.Build(Files, Indicators);
        Directory = new AreaDirectory(Areas.Areas, Areas.Aliases);
    }

    public ReferenceFiles Files { get; }

    public AreaCatalog Areas { get; }

    public IndicatorCatalog Indicators { get; }

    public CriteriaCatalog Criteria { get; }

    public AreaDirectory Directory { get; }
}

[CollectionDefinition(nameof(ReferenceCatalogs))]
public sealed class ReferenceCatalogsCollection : ICollectionFixture<ReferenceCatalogs>;

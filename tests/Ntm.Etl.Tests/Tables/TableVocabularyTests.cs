using Ntm.Etl.Tables;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Tests.Tables;

/// <summary>A template's own words extend the built-in vocabulary once per template, not once per file read with it.</summary>
public sealed class TableVocabularyTests
{
    private static TemplateSpec Template() => new()
    {
        Name = "so-lieu-khhgd",
        Headers = [new HeaderRule { Keys = ["Trạm ghi nhận"], Measure = "month" }],
        LabelHeaders = ["Biện pháp"],
    };

    [Fact]
    public void A_template_s_vocabulary_is_made_once_and_knows_the_template_s_words()
    {
        var template = Template();
        var first = TableVocabulary.BuiltIn.With(template);
        Assert.Same(first, TableVocabulary.BuiltIn.With(template));
        Assert.NotSame(TableVocabulary.BuiltIn, first);
        Assert.True(first.IsHeaderWord("Trạm ghi nhận"));
        Assert.True(first.IsHeaderWord("Biện pháp"));
        Assert.False(TableVocabulary.BuiltIn.IsHeaderWord("Trạm ghi nhận"));

        // Another template, even with the same words, has its own.
        Assert.NotSame(first, TableVocabulary.BuiltIn.With(Template()));
    }

    [Fact]
    public void A_template_without_words_of_its_own_reads_with_the_built_in_vocabulary()
    {
        Assert.Same(TableVocabulary.BuiltIn, TableVocabulary.BuiltIn.With(new TemplateSpec { Name = "chi-chon-trang", Sheets = ["BC"] }));
    }
}

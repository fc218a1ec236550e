using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

public sealed class SqlParameterRewriterTests
{
    [Theory]
    [InlineData("SELECT @a", "SELECT $a")]
    [InlineData("SELECT @a, @b", "SELECT $a, @b")]
    [InlineData("SELECT '@a', \"@a\", @a", "SELECT '@a', \"@a\", $a")]
    [InlineData("SELECT 'it''s @a' || @a", "SELECT 'it''s @a' || $a")]
    [InlineData("SELECT @a -- @a\n, /* @a */ @a", "SELECT $a -- @a\n, /* @a */ $a")]
    [InlineData("SELECT @ab", "SELECT @ab")]
    [InlineData("SELECT $a", "SELECT $a")]
    public void Only_known_names_outside_literals_are_rewritten(string sql, string expected) =>
        Assert.Equal(expected, SqlParameterRewriter.Rewrite(sql, name => name == "a"));
}

using Ntm.Domain.Text;

namespace Ntm.Domain.Tests.Text;

public sealed class TextMemoTests
{
    [Fact]
    public void A_text_is_computed_once_and_its_value_given_back_each_time()
    {
        var calls = 0;
        var memo = new TextMemo<string>(text =>
        {
            calls++;
            return text.ToUpperInvariant();
        });

        Assert.Equal("SỐT XUẤT HUYẾT", memo.Of("Sốt xuất huyết"));
        Assert.Equal("SỐT XUẤT HUYẾT", memo.Of("Sốt xuất huyết"));
        Assert.Equal("SỞI", memo.Of("Sởi"));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_text_longer_than_the_limit_is_computed_every_time()
    {
        var calls = 0;
        var memo = new TextMemo<int>(text => ++calls, maxLength: 8);
        Assert.Equal(1, memo.Of("123456789"));
        Assert.Equal(2, memo.Of("123456789"));
        Assert.Equal(3, memo.Of("short"));
        Assert.Equal(3, memo.Of("short"));
    }

    [Fact]
    public void The_memory_is_emptied_when_it_is_full_so_that_no_input_makes_it_grow_without_end()
    {
        var computed = new List<string>();
        var memo = new TextMemo<string>(text =>
        {
            computed.Add(text);
            return text;
        }, capacity: 3);

        foreach (var text in new[] { "a", "b", "c", "a", "d", "a" })
        {
            Assert.Equal(text, memo.Of(text));
        }

        // "a", "b", "c" fill it; "a" is known; "d" empties it and is kept alone; "a" is computed again.
        Assert.Equal(["a", "b", "c", "d", "a"], computed);
    }

    [Fact]
    public void Threads_asking_at_once_get_the_function_s_values()
    {
        var memo = new TextMemo<string>(text => new string(text.Reverse().ToArray()), capacity: 100);
        var texts = Enumerable.Range(0, 1_000).Select(i => $"nhãn {i % 150}").ToArray();
        var results = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = memo.Of(texts[i]));
        Assert.Equal(texts.Select(t => new string(t.Reverse().ToArray())), results);
    }
}

using System.Text;
using Ntm.Jobs.Cli;

Console.OutputEncoding = Encoding.UTF8;
// Output to a pipe or a file is buffered (a CSV of millions of rows would otherwise cost a system
// call per field); a terminal keeps the console's own writer, which shows each line at once.
var output = Console.IsOutputRedirected
    ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false }
    : Console.Out;
try
{
    // The composition root: the one place the system clock is taken; everything else is given it.
#pragma warning disable RS0030
    return await new NtmApp(output, Console.Error, TimeProvider.System).RunAsync(args);
#pragma warning restore RS0030
}
finally
{
    output.Flush();
}

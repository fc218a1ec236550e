using System.Text;
using Ntm.Jobs.Cli;

Console.OutputEncoding = Encoding.UTF8;
return new NtmApp(Console.Out, Console.Error, TimeProvider.System).Run(args);

namespace PackageConsumer;

// Compiled only with -p:PlantNondeterminism=true: OneSeed's analyzers must report ONESEED001 on this line.
internal static class Planted
{
    public static int Roll() => new Random().Next(6);
}

/**
 * The CPU-side conversion of guest pages between private and shared ({@code system cpu}): PTEs, TLBs,
 * key-tagged cache lines, the platform's page state (TDX, SEV-SNP, Hyper-V vTOM), converters, zeropad
 * readers, the host and the hardware's own moves. Each platform's rules are in its own class
 * ({@code Tdx}, {@code Snp}, {@code Vtom}).
 */
package pagestate.model.cpu;

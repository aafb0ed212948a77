# R baselines for benchmarks/forecast-accuracy.bench.js: for each training series in the
# manifest, fit forecast::stlf (STL + ETS on the seasonally adjusted series, multiple seasonal
# periods via msts; the 8 weeks given), forecast::tbats (30-minute series only) and
# forecast::dshw (the last 4 weeks: both are slow on long high-frequency series), with periods
# of one day and one week, and write the mean and 80 % interval of each forecast interval.
# Usage: Rscript forecast-baselines.R manifest.csv slotsPerDay horizonIntervals out.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
manifest <- read.csv(args[1], stringsAsFactors = FALSE)
daily <- as.integer(args[2])
h <- as.integer(args[3])
out <- file(args[4], "w")
writeLines("model,fold,reason,i,mean,lower,upper", out)
emit <- function(model, row, mean, lower, upper) {
  lines <- sprintf("%s,%d,%d,%d,%.4f,%.4f,%.4f", model, row$fold, row$reason,
                   seq_along(mean) - 1L, mean, lower, upper)
  writeLines(lines, out)
}
for (k in seq_len(nrow(manifest))) {
  row <- manifest[k, ]
  y <- scan(row$train, quiet = TRUE)
  series <- msts(y, seasonal.periods = c(daily, 7 * daily))
  timed <- function(label, expr) {
    t0 <- proc.time()[["elapsed"]]
    result <- tryCatch(expr, error = function(e) { message(label, " failed: ", conditionMessage(e)); NULL })
    message(sprintf("%s fold %d reason %d: %.1f s", label, row$fold, row$reason, proc.time()[["elapsed"]] - t0))
    result
  }
  # tbats and dshw are slow on long high-frequency series: they get the last 4 weeks only.
  recent <- tail(y, 28 * daily)
  recentSeries <- msts(recent, seasonal.periods = c(daily, 7 * daily))
  f <- timed("stlf", stlf(series, h = h, level = 80))
  if (!is.null(f)) emit("R stlf (STL+ETS)", row, f$mean, f$lower[, 1], f$upper[, 1])
  if (daily <= 48) {
    f <- timed("tbats", forecast(tbats(recentSeries, use.parallel = FALSE), h = h, level = 80))
    if (!is.null(f)) emit("R tbats", row, f$mean, f$lower[, 1], f$upper[, 1])
  }
  # dshw is multiplicative and refuses zeros: fit y + 1, then take the 1 back off.
  f <- timed("dshw", dshw(recent + 1, period1 = daily, period2 = 7 * daily, h = h))
  if (!is.null(f)) {
    # dshw gives no intervals: bounds NA, no coverage scored for it.
    emit("R dshw", row, f$mean - 1, NA, NA)
  }
}
close(out)

# Makes reference/self_start_initial.json: R's getInitial() for every self-starting model of stats on a data set
# (run from glimmer-core/src/test/resources: Rscript reference/r/self_start_references.R). The data are written
# here from R's data sets (data/*.csv) and read back, so that R and the tests see the same numbers in the same
# row order. The build never runs R.
suppressMessages(library(jsonlite))
write_data <- function(d, file) {
  d <- as.data.frame(d)
  for (v in names(d)) if (is.factor(d[[v]])) d[[v]] <- as.character(d[[v]])
  if (!file.exists(file.path("data", file))) write.csv(d, file.path("data", file), row.names = FALSE)
}
write_data(ChickWeight, "chickweight.csv")
write_data(Loblolly, "loblolly.csv")
write_data(CO2, "co2.csv")
write_data(Indometh, "indometh.csv")
write_data(DNase, "dnase.csv")
write_data(Puromycin, "puromycin.csv")
write_data(subset(read.csv("data/theoph.csv"), Subject == 1), "theoph1.csv")
# three distinct inputs equally spaced: SSasymp's closed form instead of its least-squares fit
write_data(data.frame(age = c(1, 2, 3, 1, 2, 3), height = c(1, 3, 4, 1.2, 2.8, 4.1)), "asymp3.csv")

cases <- list(
  list("SSlogis", "orange.csv", "circumference ~ SSlogis(age, Asym, xmid, scal)"),
  list("SSfpl", "chickweight.csv", "weight ~ SSfpl(Time, A, B, xmid, scal)"),
  list("SSasymp", "loblolly.csv", "height ~ SSasymp(age, Asym, R0, lrc)"),
  list("SSasymp", "asymp3.csv", "height ~ SSasymp(age, Asym, R0, lrc)"),
  list("SSasympOff", "co2.csv", "uptake ~ SSasympOff(conc, Asym, lrc, c0)"),
  list("SSasympOrig", "loblolly.csv", "height ~ SSasympOrig(age, Asym, lrc)"),
  list("SSbiexp", "indometh.csv", "conc ~ SSbiexp(time, A1, lrc1, A2, lrc2)"),
  list("SSfol", "theoph.csv", "conc ~ SSfol(Dose, Time, lKe, lKa, lCl)"),
  list("SSfol", "theoph1.csv", "conc ~ SSfol(Dose, Time, lKe, lKa, lCl)"),
  list("SSgompertz", "dnase.csv", "density ~ SSgompertz(log(conc), Asym, b2, b3)"),
  list("SSmicmen", "puromycin.csv", "rate ~ SSmicmen(conc, Vm, K)"),
  list("SSweibull", "chickweight.csv", "weight ~ SSweibull(Time, Asym, Drop, lrc, pwr)"))
out <- lapply(cases, function(c) {
  d <- read.csv(file.path("data", c[[2]]))
  init <- getInitial(as.formula(c[[3]]), data = d)
  list(model = c[[1]], data = c[[2]], formula = c[[3]], initial = as.list(init))
})
writeLines(toJSON(list(software = R.version.string, note = "stats::getInitial", cases = out), auto_unbox = TRUE,
  digits = NA, pretty = TRUE), "reference/self_start_initial.json")

def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 2
assert new URL("${springUrl}/__requests?client=it-spring-jwt").text == '1'
assert new URL("${springUrl}/__requests?client=it-spring-jwt-hs512").text == '1'
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, ['it-spring-jwt!&=+%:secret-3Kp8Vw2Qz6Ny4Rt1L', 'it-spring-jwt-hs512-secret-Q7m2Kx9Vb4Nz6Wc1Rt8Yp3Ld5Hs0Gf2Jk7Mn4Bv9Xq6Zw1'])

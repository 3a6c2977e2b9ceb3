def log = new File(basedir, 'build.log').text
assert log.contains('Missing credentials for provider cxone. Looked at:')
assert log.contains('environment variables NICE_CLIENT_ID (not set) and NICE_CLIENT_SECRET (not set)')
assert log.contains('environment variables NICE_ACCESS_KEY_ID (not set) and NICE_ACCESS_KEY_SECRET (not set)')
assert log.contains('<accessKeyServerId>')

true
